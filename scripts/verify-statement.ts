import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { verifyRecognitionStatement, type TrustedKeys } from '@registry/tlog';

/**
 * Checks a signed recognition statement offline: the JWS signature, the checkpoint's signature, that the
 * checkpoint covers the answer, and every evidence leaf's inclusion proof. Prints each check by name and exits
 * 1 when any fails. Imports nothing of the registry but the tree code, the signed-note code and `jose`.
 */
const program = new Command('verify-statement')
  .description('Verifies a recognition statement (vc+jwt) offline: signature, checkpoint signature, inclusion proofs.')
  .argument('<statement>', 'the statement file (the compact JWS the registry returned), or - for standard input')
  .option('--keys <file>', "the registry's published keys: the JSON body of GET /.well-known/registry-keys (without it, the key the statement carries is used, which proves integrity but not who signed)");

async function main(file: string, options: { keys?: string }): Promise<number> {
  const jwt = readFileSync(file === '-' ? 0 : file, 'utf8');
  const trusted = options.keys === undefined ? undefined : (JSON.parse(readFileSync(options.keys, 'utf8')) as TrustedKeys);
  const result = await verifyRecognitionStatement(jwt, trusted);
  for (const { check, ok, detail } of result.checks) process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${check}: ${detail}\n`);
  const subject = result.statement?.credentialSubject;
  if (subject) {
    const answer = subject.recognized ? `recognized (${subject.basis}${subject.arrangement ? ` under ${subject.arrangement}` : ''}, until ${subject.validUntil})` : `not recognized: ${subject.reasonCodes.join(', ')}`;
    process.stdout.write(`${subject.certificateNumber} in ${subject.country} on ${subject.asOf}, as known ${subject.knownAt ?? 'when signed'}: ${answer}\n`);
  }
  process.stdout.write(result.ok ? 'the statement verifies\n' : 'the statement does NOT verify\n');
  return result.ok ? 0 : 1;
}

program.action(async (file: string, options: { keys?: string }) => {
  process.exitCode = await main(file, options);
});
program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`verify-statement: ${(error as Error).message}\n`);
  process.exitCode = 2;
});
