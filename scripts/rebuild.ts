import { Command, InvalidArgumentError } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { createEventStore, EventStoreUnavailableError, type EventStore } from '@registry/event-store';
import { rebuildReadModels, ReadModelsInUseError, type RebuildResult } from '@registry/projections';
import { rawReadAndParse } from '@registry/projections/measure/raw-log-read';
import { ConfigError, loadConfig } from '../apps/registry/src/config';

interface Options {
  dataDir?: string;
  pageSize?: number;
  progress: boolean;
  compareRaw: boolean;
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

const program = new Command('rebuild')
  .description(
    'Rebuilds every read model from position 0 of the event log into a fresh file, then swaps it in.\n' +
      'Run it while the registry is stopped: it refuses to touch a data directory a registry holds.',
  )
  .option('--data-dir <dir>', 'the data directory (default: REGISTRY_DATA_DIR, else ./data)')
  .option('--page-size <events>', 'events per batch (default 500)', positiveInteger)
  .option('--no-progress', 'no progress bar (logs, CI)')
  .option('--compare-raw', 'also time a raw read + JSON.parse of the same log rows (embedded store), and print the ratio', false);

async function main(options: Options): Promise<void> {
  const config = loadConfig(process.env, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const store = await createEventStore({ dataDir: config.dataDir, connectionString: config.eventStoreConnectionString });
  let result: RebuildResult;
  try {
    result = await rebuildWithProgress(store, config.dataDir, options);
  } finally {
    await store.close();
  }
  const rate = result.seconds > 0 ? Math.round(result.events / result.seconds) : result.events;
  process.stdout.write(
    `Rebuilt the read models in ${config.dataDir} from ${result.events} events ` +
      `(up to position ${result.position ?? 0}) in ${result.seconds.toFixed(2)} s: ${rate} events/s.\n`,
  );
  if (options.compareRaw) {
    if (config.eventStoreConnectionString !== undefined) {
      process.stdout.write('--compare-raw reads the embedded store file only; skipped for EventStoreDB.\n');
      return;
    }
    const raw = rawReadAndParse(config.dataDir);
    const rawRate = raw.seconds > 0 ? Math.round(raw.events / raw.seconds) : raw.events;
    process.stdout.write(
      `Raw read + JSON.parse of the same ${raw.events} rows: ${raw.seconds.toFixed(2)} s, ${rawRate} events/s. ` +
        `Rebuild / raw = ${((100 * rate) / rawRate).toFixed(1)} % (target >= 60 %, issue 18).\n`,
    );
  }
}

async function rebuildWithProgress(store: EventStore, dataDir: string, options: Options): Promise<RebuildResult> {
  const bar = options.progress
    ? new SingleBar({ format: 'rebuild |{bar}| {percentage}% | {events} events | position {value}/{total} | ETA {eta_formatted}' }, Presets.shades_classic)
    : null;
  let started = false;
  try {
    return await rebuildReadModels(store, dataDir, {
      pageSize: options.pageSize,
      onProgress: ({ position, head, events }) => {
        if (bar === null) return;
        if (!started) {
          bar.start(Number(head), 0, { events: 0 });
          started = true;
        }
        bar.update(Number(position), { events });
      },
    });
  } finally {
    bar?.stop();
  }
}

const options = program.parse(process.argv).opts<Options>();
main(options).catch((error: unknown) => {
  if (error instanceof EventStoreUnavailableError || error instanceof ReadModelsInUseError) {
    process.stderr.write(
      `rebuild: nothing was changed. ${error.message}\n` +
        'A rebuild needs the registry stopped on this data directory; the read models it serves meanwhile stay as they are.\n',
    );
  } else if (error instanceof ConfigError) {
    process.stderr.write(`rebuild: ${error.message}\n`);
  } else {
    process.stderr.write(`rebuild: failed, the previous read models are kept: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
});
