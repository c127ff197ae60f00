import { Command } from 'commander';
import { createEventStore, EventStoreUnavailableError } from '@registry/event-store';
import { ReadModelsInUseError, verifyReadModels } from '@registry/projections';
import { ConfigError, loadConfig } from '../apps/registry/src/config';

const program = new Command('verify-read-models')
  .description(
    'Rebuilds the read models from the event log into a temporary file, up to where the live ones stand, and\n' +
      'compares the two document for document, printing every difference. Exit code 1 when any differ: then\n' +
      'run `npm run rebuild`. Run it while the registry is stopped (it refuses a directory a registry holds).',
  )
  .option('--data-dir <dir>', 'the data directory (default: REGISTRY_DATA_DIR, else ./data)');

async function main(options: { dataDir?: string }): Promise<number> {
  const config = loadConfig(process.env, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const store = await createEventStore({ dataDir: config.dataDir, connectionString: config.eventStoreConnectionString });
  try {
    const result = await verifyReadModels(store, config.dataDir);
    for (const difference of result.differences) {
      const detail =
        difference.kind === 'different'
          ? `stored ${difference.stored ?? ''}\n    rebuilt ${difference.rebuilt ?? ''}`
          : difference.kind === 'extra'
            ? `stored but not in the log: ${difference.stored ?? ''}`
            : `in the log but not stored: ${difference.rebuilt ?? ''}`;
      process.stdout.write(`${difference.kind} ${difference.table} ${difference.row}\n    ${detail}\n`);
    }
    process.stdout.write(
      `${result.differences.length === 0 ? 'The read models equal' : `${result.differences.length} difference(s) from`} a rebuild from the log ` +
        `(${result.documents} documents, up to position ${result.position ?? 0}).\n`,
    );
    return result.differences.length === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

main(program.parse().opts<{ dataDir?: string }>()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof EventStoreUnavailableError || error instanceof ReadModelsInUseError) {
      process.stderr.write(`verify-read-models: ${error.message}\n`);
    } else {
      process.stderr.write(`verify-read-models: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exit(2);
  },
);
