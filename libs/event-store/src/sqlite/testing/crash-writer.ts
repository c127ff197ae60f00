import { randomUUID } from 'node:crypto';
import type { EventData, ExpectedRevision } from '../../event-store';
import { openSqliteEventStore, type SqliteEventStore } from '../sqlite-event-store';
import { PROBE_TYPE, SHARED_STREAM, type CrashWriterLine, type ProbeData } from './crash-probe';

/**
 * Runs in a separate process that the crash-safety test kills with SIGKILL (see spawn-crash-writer.ts).
 * CRASH_WRITERS loops append concurrently (so commits are grouped) batches of 1–4 events, each loop to its
 * own stream with an exact expected revision, and now and then to one shared stream with `any`. A line is
 * printed only AFTER `append` resolved: every printed line is a durability promise the store made.
 */
async function main(): Promise<void> {
  const dataDir = process.env.CRASH_DATA_DIR ?? '';
  const writers = Number(process.env.CRASH_WRITERS ?? '8');
  const maxAppends = Number(process.env.CRASH_MAX_APPENDS ?? '3000');
  const store = await openSqliteEventStore({ dataDir });
  say({ kind: 'opened', pid: process.pid });
  const budget = { left: maxAppends };
  await Promise.all(Array.from({ length: writers }, (_, writer) => writeLoop(store, writer, budget)));
  say({ kind: 'done' });
  // Stay alive: the test decides when this process dies.
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}

async function writeLoop(store: SqliteEventStore, writer: number, budget: { left: number }): Promise<void> {
  const own = `crash-${writer}`;
  const tip = await store.readStream(own, { direction: 'backwards', maxCount: 1 });
  let expected: ExpectedRevision = tip.length === 0 ? 'no_stream' : tip[0].revision;
  while (budget.left > 0) {
    budget.left -= 1;
    const shared = Math.random() < 0.25;
    const stream = shared ? SHARED_STREAM : own;
    const events = probeBatch(writer);
    const result = await store.append(stream, events, { expectedRevision: shared ? 'any' : expected });
    if (!shared) expected = result.nextRevision;
    say({
      kind: 'acknowledged',
      stream,
      ids: events.map((e) => e.id),
      nextRevision: result.nextRevision.toString(),
      position: result.position.toString(),
    });
  }
}

function probeBatch(writer: number): EventData[] {
  const appendId = randomUUID();
  const count = 1 + Math.floor(Math.random() * 4);
  // Mostly small, now and then several SQLite pages long, so that a torn write would have pages to tear.
  const pad = 'x'.repeat(Math.random() < 0.1 ? 4096 + Math.floor(Math.random() * 8192) : Math.floor(Math.random() * 200));
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type: PROBE_TYPE,
    data: { appendId, index, count, pad } satisfies ProbeData,
    metadata: { writer },
  }));
}

function say(line: CrashWriterLine): void {
  // stdout to a pipe is synchronous on Linux: once written, the line survives our own SIGKILL.
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-writer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(3);
});
