import { Command, InvalidArgumentError } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import type { EventStore } from '@registry/event-store';
import { copyLog, TargetMismatchError, type CopyResult } from './migrate/copy-log';
import { digestLog } from './migrate/log-digest';
import { openStore, type OpenedStore } from './migrate/open-store';

interface Options {
  from: string;
  to: string;
  pageSize: number;
  progress: boolean;
}

const program = new Command('migrate')
  .description(
    'Copies the whole event log from one store to another (embedded <-> EventStoreDB), keeping ids, order,\n' +
      'metadata and stream revisions, then compares both logs by count and RFC 9162 Merkle root\n' +
      '(the root the registry signs in its checkpoints).\n' +
      'Stop every registry writing to either store first. Interrupted? Run the same command again: it resumes.',
  )
  .requiredOption('--from <location>', 'source: a data directory, or an esdb:// / esdb+discover:// connection string')
  .requiredOption('--to <location>', 'target: a data directory, or an esdb:// / esdb+discover:// connection string')
  .option('--page-size <events>', 'events read from the source per page', positiveInteger, 1_000)
  .option('--no-progress', 'no progress bar (logs, CI)');

async function main(options: Options): Promise<number> {
  const source = await openStore(options.from);
  let target: OpenedStore | undefined;
  const interrupt = new AbortController();
  const stop = (): void => interrupt.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    target = await openStore(options.to);
    process.stderr.write(`copying ${source.label} -> ${target.label}\n`);
    const copied = await copyWithProgress(source.store, target.store, options, interrupt.signal);
    process.stdout.write(
      copied.resumedAfter
        ? `resumed after ${copied.resumedAfter.stream}@${copied.resumedAfter.revision}; copied ${copied.copied} events\n`
        : `copied ${copied.copied} events\n`,
    );
    const [from, to] = await Promise.all([digestLog(source.store), digestLog(target.store)]);
    process.stdout.write(`source: ${from.count} events, Merkle root ${from.root}\n`);
    process.stdout.write(`target: ${to.count} events, Merkle root ${to.root}\n`);
    const identical = from.count === to.count && from.root === to.root;
    process.stdout.write(identical ? 'identical\n' : 'DIFFERENT: the target does not hold the same log\n');
    return identical ? 0 : 1;
  } catch (error) {
    if (interrupt.signal.aborted) {
      process.stderr.write('interrupted; what was copied is kept. Run the same command again to resume.\n');
      return 130;
    }
    if (error instanceof TargetMismatchError) {
      process.stderr.write(`migrate: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await target?.store.close();
    await source.store.close();
  }
}

async function copyWithProgress(source: EventStore, target: EventStore, options: Options, signal: AbortSignal): Promise<CopyResult> {
  // Progress runs over source positions: no count is needed up front, and it works for both stores.
  const [first] = await source.readAll({ maxCount: 1 });
  const [last] = await source.readAll({ direction: 'backwards', maxCount: 1 });
  if (!options.progress || first === undefined || last === undefined) {
    return copyLog(source, target, { pageSize: options.pageSize, signal });
  }
  const span = Number(last.position - first.position) || 1;
  const bar = new SingleBar(
    { format: '{bar} {percentage}% | {copied} events | {rate} events/s | ETA {eta_formatted}', stream: process.stderr },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(span, 0, { copied: 0, rate: 0 });
  try {
    return await copyLog(source, target, {
      pageSize: options.pageSize,
      signal,
      onProgress: ({ copied, position }) => {
        const seconds = (Date.now() - started) / 1000;
        bar.update(Number(position - first.position), { copied, rate: seconds > 0 ? Math.round(copied / seconds) : 0 });
      },
    });
  } finally {
    bar.stop();
  }
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive integer');
  return parsed;
}

main(program.parse().opts<Options>()).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`migrate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
