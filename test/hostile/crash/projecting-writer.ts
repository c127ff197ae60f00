import { certificateStream, schemaVersionOf, type RegistryEvent } from '@registry/domain';
import { openSqliteEventStore, type EventStore, type ExpectedRevision } from '@registry/event-store';
import { startReadSide } from '@registry/projections';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { build, PS } from '../../../libs/projections/src/testing/sample-registry';
import type { ProjectingWriterLine } from './projecting-writer-line';

/**
 * A registry process without HTTP, killed by the test with SIGKILL: the store and the live projections run
 * while CRASH_WRITERS loops issue, suspend and reinstate certificates. A line is printed only after
 * `append` resolved. Loaded by ts-node (see support/typescript-child.ts).
 */
async function main(): Promise<void> {
  loadPowerCutVfs(process.env.POWERCUT_EXTENSION);
  const dataDir = process.env.CRASH_DATA_DIR ?? '';
  const run = process.env.CRASH_RUN ?? '0';
  const writers = Number(process.env.CRASH_WRITERS ?? '4');
  const store = await openSqliteEventStore({ dataDir });
  await startReadSide(store, dataDir);
  say({ kind: 'opened' });
  const budget = { left: Number(process.env.CRASH_MAX_APPENDS ?? '400') };
  await Promise.all(Array.from({ length: writers }, (_, writer) => writeLoop(store, `${run}-${writer}`, budget)));
  say({ kind: 'done' });
  await new Promise<never>(() => setInterval(() => undefined, 60_000));
}

type Held = { number: string; revision: bigint; suspended: boolean };

async function writeLoop(store: EventStore, prefix: string, budget: { left: number }): Promise<void> {
  const held: Held[] = [];
  for (let n = 0; budget.left > 0; n += 1) {
    budget.left -= 1;
    const day = `2024-${String(1 + (n % 12)).padStart(2, '0')}-15`;
    const pick = held[Math.floor(Math.random() * held.length)];
    if (pick === undefined || Math.random() < 0.5) {
      const number = `CR-${prefix}-${n}`;
      const position = await append(store, build.issued(number, 'th-ftpi', PS, '2024-01-01', '2030-12-31'), 'no_stream');
      held.push({ number, revision: 0n, suspended: false });
      say({ kind: 'acknowledged', ...position });
      continue;
    }
    const event = pick.suspended ? build.certificateReinstated(pick.number, day) : build.certificateSuspended(pick.number, day);
    const position = await append(store, event, pick.revision);
    pick.revision += 1n;
    pick.suspended = !pick.suspended;
    say({ kind: 'acknowledged', ...position });
  }
}

async function append(store: EventStore, event: RegistryEvent, expectedRevision: ExpectedRevision): Promise<{ id: string; position: string }> {
  const id = randomUUID();
  const stream = 'number' in event.data ? certificateStream(event.data.number) : 'unexpected';
  const metadata = {
    schemaVersion: schemaVersionOf(event.type),
    commandId: id,
    correlationId: id,
    causationId: id,
    actor: { keyId: 'crash', role: 'CERTIFICATION_BODY', cbId: 'th-ftpi' },
    recordedAt: new Date().toISOString(),
  };
  const result = await store.append(stream, [{ id, type: event.type, data: event.data, metadata }], { expectedRevision });
  return { id, position: result.position.toString() };
}

/** The power-cut suite's SQLite VFS (../power-cut/powercut-vfs.c): once loaded, every SQLite file this process opens
 * afterwards, in any thread, goes through it. Only this test child loads it; the registry has no way to. */
function loadPowerCutVfs(extension: string | undefined): void {
  if (extension === undefined || extension === '') return;
  const loader = new Database(':memory:');
  // SQLite finds the entry point from the file name: powercut.so → sqlite3_powercut_init.
  loader.loadExtension(extension);
  loader.close();
}

function say(line: ProjectingWriterLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`projecting-writer failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(3);
});
