import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { createEventStore } from '@registry/event-store';
import { describeDifference, verifyLog } from '@registry/tlog';
import { loadConfig } from '../apps/registry/src/config';

interface Options {
  dataDir?: string;
  key?: string;
  progress: boolean;
}

const program = new Command('verify-log')
  .description(
    'The full pass over the event log, as the registry does at start: hashes every event again, compares each\n' +
      'leaf with the tree the registry kept and every signed checkpoint with the root of that many leaves, and\n' +
      'names the first leaf that differs. Run it with the registry stopped (it needs the data directory).\n' +
      'Exit status 0: the log is what was signed; 1: it was altered.',
  )
  .option('--data-dir <dir>', 'the data directory (default: REGISTRY_DATA_DIR, else ./data)')
  .option('--key <verifier key>', "also check each checkpoint's signature with this note verifier key (GET /.well-known/registry-keys)")
  .option('--no-progress', 'no progress bar');

async function main(options: Options): Promise<number> {
  const config = loadConfig(process.env, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const store = await createEventStore({ dataDir: config.dataDir, connectionString: config.eventStoreConnectionString });
  const bar = options.progress ? new SingleBar({ format: '{bar} {value} events | {rate} events/s', stream: process.stderr }, Presets.shades_classic) : null;
  const started = Date.now();
  bar?.start(0, 0, { rate: 0 });
  try {
    const result = await verifyLog(store, config.dataDir, options.key ?? null, (leaves) => {
      bar?.setTotal(leaves);
      bar?.update(leaves, { rate: Math.round(leaves / Math.max((Date.now() - started) / 1000, 0.001)) });
    });
    bar?.stop();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.difference) {
      process.stdout.write(`TAMPERED: ${describeDifference(result.difference)}.\n`);
      return 1;
    }
    if (result.badSignature !== null) {
      process.stdout.write(`TAMPERED: the checkpoint of ${result.badSignature} leaves does not carry a valid signature by ${options.key}.\n`);
      return 1;
    }
    const latest = result.latest;
    process.stdout.write(
      `log verified: ${result.leaves} events in ${seconds} s, root ${result.root.toString('base64')}; ` +
        (latest
          ? `${result.checkpointsChecked} signed checkpoints match, the latest of ${latest.treeSize} leaves signed ${latest.signedAt}` +
            (result.leaves > latest.treeSize ? ` (${result.leaves - latest.treeSize} events after it are not signed yet)` : '')
          : 'no checkpoint was signed yet') +
        '\n',
    );
    return 0;
  } finally {
    bar?.stop();
    await store.close();
  }
}

main(program.parse().opts<Options>()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`verify-log: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
