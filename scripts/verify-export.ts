// `npm run verify-export -- log.ndjson --checkpoint cp.txt --key <verifier key>`. Deliberately without the
// registry's CLI libraries: node's own argument parser and line reader.
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { verifyExport } from './verify-export/verify-export-file';

const USAGE = 'usage: npm run verify-export -- <log.ndjson> --checkpoint <checkpoint.txt> --key <name+keyid+base64 key>';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { checkpoint: { type: 'string' }, key: { type: 'string' } }, allowPositionals: true });
  if (positionals.length !== 1 || values.checkpoint === undefined || values.key === undefined) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const lines = createInterface({ input: createReadStream(positionals[0]), crlfDelay: Infinity });
  const result = await verifyExport(lines, readFileSync(values.checkpoint, 'utf8'), values.key);
  lines.close();
  if (!result.ok) {
    process.stdout.write(`NOT VERIFIED: ${result.reason}\n`);
    return 1;
  }
  process.stdout.write(
    `verified: the first ${result.checkpointSize} of the ${result.leaves} events read hash to the root of the checkpoint signed by ${result.signer}\n`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`verify-export: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
