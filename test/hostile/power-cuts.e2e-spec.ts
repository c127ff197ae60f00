import Database from 'better-sqlite3';
import { certificateStream } from '@registry/domain';
import { openSqliteEventStore, type RecordedEvent } from '@registry/event-store';
import { EVENTS_FILE, eventsFilePath } from '@registry/event-store/sqlite/schema';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import { READ_MODELS_FILE, readModelsPath, rebuildReadModels, startReadSide } from '@registry/projections';
import { dumpReadModels } from '@registry/projections/testing/dump-read-models';
import { appendRegistryEvents } from '@registry/projections/testing/registry-events';
import { build, GPS, PS } from '@registry/projections/testing/sample-registry';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectingWriterLine } from './crash/projecting-writer-line';
import { buildPowerCutVfs } from './power-cut/build-powercut-vfs';
import { describeOnEmbeddedStore } from '../support/test-store';
import { readLines, spawnTypeScript } from './support/typescript-child';

/** `npm test` runs a few short ones; `POWER_CUTS=120 npx jest test/hostile/power-cuts --selectProjects e2e` is the
 * long run (the README's durability paragraph quotes it). A cut comes after a random number of SQLite writes. */
const LONG_RUN = process.env.POWER_CUTS !== undefined;
const CUTS = Number(process.env.POWER_CUTS ?? '3');
const EXTRA_CUTS = 5;
const MAX_WRITES_BEFORE_CUT = LONG_RUN ? 4_000 : 1_500;

type Cut = Extract<ProjectingWriterLine, { kind: 'cut' }>;

function integrityOf(file: string): string {
  if (!existsSync(file)) return 'absent';
  // A read-write connection: it recovers the WAL as the registry would before checking.
  const db = new Database(file);
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** An event whose bytes were damaged would no longer agree with itself: the writer sets commandId = id, and a
 * certificate event's number names its stream. (The seed events, written otherwise, are left out.) */
function halfWritten(event: RecordedEvent): boolean {
  const data = event.data as { number?: unknown };
  const sameCommand = (event.metadata as { commandId?: unknown }).commandId === event.id;
  const sameStream = typeof data.number !== 'string' || certificateStream(data.number) === event.stream;
  return !(sameCommand && sameStream);
}

describeOnEmbeddedStore('The embedded store and its read models through simulated power cuts', () => {
  const dir = makeTempDataDir('power-cuts');
  const compiled = makeTempDataDir('power-cut-vfs');
  let extension: string;

  beforeAll(() => {
    extension = buildPowerCutVfs(compiled.dataDir);
  });

  afterAll(() => {
    dir.remove();
    compiled.remove();
  });

  it(`keeps every acknowledged append, shows nothing half-written, passes integrity_check and rebuilds equal read models, across ${CUTS} cuts`, async () => {
    const seed = await openSqliteEventStore({ dataDir: dir.dataDir });
    await appendRegistryEvents(seed, [build.scheme(PS), build.scheme(GPS), build.accredited('th-ftpi', 'TH', [PS, GPS])]);
    const seeded = new Set((await seed.readAll()).map((event) => event.id));
    await seed.close();
    const acknowledged: Array<{ id: string; position: string }> = [];
    const cuts: Cut[] = [];

    const cutsWithUnsynced = (file: string): number => cuts.filter((cut) => (cut.unsyncedSectorsByFile[file] ?? 0) > 0).length;
    // Where a cut lands is chance: beyond the CUTS asked, cut again (a few times at most) until both files were
    // caught with unsynced writes, so that the run is never vacuous by bad luck.
    const bothAtRisk = (): boolean =>
      cutsWithUnsynced(`${EVENTS_FILE}-wal`) > 0 && cutsWithUnsynced(`${READ_MODELS_FILE}-wal`) + cutsWithUnsynced(READ_MODELS_FILE) > 0;
    for (let run = 1; run <= CUTS || (run <= CUTS + EXTRA_CUTS && !bothAtRisk()); run += 1) {
      const child = spawnTypeScript(join(__dirname, 'crash', 'projecting-writer.ts'), {
        CRASH_DATA_DIR: dir.dataDir,
        CRASH_RUN: String(run),
        CRASH_WRITERS: '4',
        CRASH_MAX_APPENDS: '1000000',
        POWERCUT_EXTENSION: extension,
        POWERCUT_AFTER_WRITES: String(1 + Math.floor(Math.random() * MAX_WRITES_BEFORE_CUT)),
        POWERCUT_SEED: String(1 + Math.floor(Math.random() * 2 ** 40)),
      });
      const output = readLines<ProjectingWriterLine>(child);
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      await output.closed;
      const cut = output.lines.find((line): line is Cut => line.kind === 'cut');
      expect({ run, exit: await exit, cut: cut !== undefined, stderr: output.stderr() }).toEqual({ run, exit: 137, cut: true, stderr: '' });
      cuts.push(cut!);
      for (const line of output.lines) if (line.kind === 'acknowledged') acknowledged.push(line);

      expect({ run, events: integrityOf(eventsFilePath(dir.dataDir)) }).toEqual({ run, events: 'ok' });
      expect({ run, readModels: integrityOf(readModelsPath(dir.dataDir)) }).toEqual({ run, readModels: expect.stringMatching(/^(ok|absent)$/) });
      const store = await openSqliteEventStore({ dataDir: dir.dataDir });
      try {
        const log = await store.readAll();
        const recorded = new Map(log.map((event) => [event.id, event.position.toString()]));
        const lost = acknowledged.filter((ack) => recorded.get(ack.id) !== ack.position);
        expect({ run, lost, halfWritten: log.filter((event) => !seeded.has(event.id) && halfWritten(event)).map((event) => event.id) }).toEqual({ run, lost: [], halfWritten: [] });

        const readSide = await startReadSide(store, dir.dataDir);
        expect({ run, applied: readSide.runner.appliedPosition() }).toEqual({ run, applied: log.at(-1)?.position });
        await readSide.close();
        const rebuilt = makeTempDataDir('power-cuts-rebuild');
        try {
          await rebuildReadModels(store, rebuilt.dataDir);
          expect({ run, readModels: dumpReadModels(readModelsPath(dir.dataDir)) }).toEqual({
            run,
            readModels: dumpReadModels(readModelsPath(rebuilt.dataDir)),
          });
        } finally {
          rebuilt.remove();
        }
      } finally {
        await store.close();
      }
    }

    const total = (field: keyof Omit<Cut, 'kind' | 'unsyncedSectorsByFile'>): number => cuts.reduce((sum, cut) => sum + cut[field], 0);
    const summary = {
      cuts: cuts.length,
      acknowledged: acknowledged.length,
      lost: 0,
      unsyncedSectors: total('unsyncedSectors'),
      restored: total('restored'),
      torn: total('torn'),
      garbage: total('garbage'),
      shortenedFiles: total('shortenedFiles'),
      cutsWithUnsyncedEventLog: cutsWithUnsynced(`${EVENTS_FILE}-wal`),
      cutsWithUnsyncedReadModels: cutsWithUnsynced(`${READ_MODELS_FILE}-wal`) + cutsWithUnsynced(READ_MODELS_FILE),
    };
    if (LONG_RUN) process.stdout.write(`power cuts: ${JSON.stringify(summary)}\n`);
    // Not vacuous: writes were in flight at the cuts, in both files, and were really thrown away or torn.
    expect({
      acknowledged: summary.acknowledged > CUTS,
      damaged: summary.restored + summary.torn + summary.garbage > 0,
      eventLogAtRisk: summary.cutsWithUnsyncedEventLog > 0,
      readModelsAtRisk: summary.cutsWithUnsyncedReadModels > 0,
    }).toEqual({ acknowledged: true, damaged: true, eventLogAtRisk: true, readModelsAtRisk: true });
  }, 30_000 + (CUTS + EXTRA_CUTS) * 30_000);
});
