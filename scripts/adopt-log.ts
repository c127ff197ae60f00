import { Command } from 'commander';
import { createEventStore } from '@registry/event-store';
import { adoptLog, describeCheckpoint, describeLogToAdopt } from '@registry/tlog';
import { loadConfig } from '../apps/registry/src/config';

interface Options {
  dataDir?: string;
  iUnderstand: boolean;
}

const program = new Command('adopt-log')
  .description(
    'Makes the registry take the event log as it is now for its history, when it refuses to start or to serve\n' +
      'because the log no longer holds what it signed (a store that lost its data, a restored backup). The\n' +
      'checkpoints signed over the old log are kept aside in the data directory; the tree and the read models\n' +
      'are rebuilt from the log at the next start and signed anew. Witnesses that cosigned the old log will\n' +
      'refuse the new one: tell them. Run it with the registry stopped.\n' +
      'Without --i-understand it only says what it would do.',
  )
  .option('--data-dir <dir>', 'the data directory (default: REGISTRY_DATA_DIR, else ./data)')
  .option('--i-understand', 'the history signed so far is abandoned for the log as it is now', false);

async function main(options: Options): Promise<number> {
  const config = loadConfig(process.env, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const store = await createEventStore({ dataDir: config.dataDir, connectionString: config.eventStoreConnectionString });
  try {
    if (!options.iUnderstand) {
      const found = await describeLogToAdopt(store, config.dataDir);
      process.stdout.write(
        `Nothing was changed. ${capitalized(describeCheckpoint(found.lastSigned))}; the log now holds ${found.events} events. ` +
          'To take the log as it is now for the registry\'s history, run again with --i-understand.\n',
      );
      return 2;
    }
    const adopted = await adoptLog(store, config.dataDir, new Date());
    process.stdout.write(
      `Adopted the log as it is now: ${adopted.events} events. Abandoned: ${describeCheckpoint(adopted.lastSigned)}` +
        (adopted.archive === null ? '' : `; every checkpoint signed over the old log is kept in ${adopted.archive}`) +
        '. At the next start the registry hashes the log again, signs it, and rebuilds its read models.\n',
    );
    return 0;
  } finally {
    await store.close();
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

main(program.parse().opts<Options>()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`adopt-log: ${/SQLITE_BUSY|database is locked|held by/i.test(message) ? `the data directory is in use (stop the registry first): ${message}` : message}\n`);
    process.exit(1);
  },
);
