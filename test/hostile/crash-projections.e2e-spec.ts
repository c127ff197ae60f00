import Database from 'better-sqlite3';
import { openSqliteEventStore } from '@registry/event-store';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import { readModelsPath, rebuildReadModels, startReadSide } from '@registry/projections';
import { dumpReadModels } from '@registry/projections/testing/dump-read-models';
import { appendRegistryEvents } from '@registry/projections/testing/registry-events';
import { build, GPS, PS } from '@registry/projections/testing/sample-registry';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ProjectingWriterLine } from './crash/projecting-writer-line';
import { describeOnEmbeddedStore } from '../support/test-store';
import { readLines, spawnTypeScript } from './support/typescript-child';
import { countingReads } from '@registry/event-store/testing/wrapped-store';

const KILLS = 6;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function checkpointsIn(dataDir: string): bigint[] {
  if (!existsSync(readModelsPath(dataDir))) return [];
  const db = new Database(readModelsPath(dataDir), { readonly: true });
  try {
    return db.prepare<[], bigint | null>('SELECT position FROM projection_checkpoints').pluck().safeIntegers(true).all().map((p) => p ?? 0n);
  } finally {
    db.close();
  }
}

describeOnEmbeddedStore('A registry process with live projections killed with SIGKILL', () => {
  const dir = makeTempDataDir('crash-projections');
  const rebuilt = makeTempDataDir('crash-rebuild');

  afterAll(() => {
    dir.remove();
    rebuilt.remove();
  });

  it(`resumes its projections from their checkpoints and equals a full rebuild, after each of ${KILLS} kills`, async () => {
    const seed = await openSqliteEventStore({ dataDir: dir.dataDir });
    await appendRegistryEvents(seed, [build.scheme(PS), build.scheme(GPS), build.accredited('th-ftpi', 'TH', [PS, GPS])]);
    await seed.close();
    const acknowledged: Array<{ id: string; position: string }> = [];
    let resumedFromCheckpoint = 0;

    for (let kill = 1; kill <= KILLS; kill += 1) {
      const child = spawnTypeScript(join(__dirname, 'crash', 'projecting-writer.ts'), {
        CRASH_DATA_DIR: dir.dataDir,
        CRASH_RUN: String(kill),
        CRASH_WRITERS: '4',
        CRASH_MAX_APPENDS: '600',
      });
      const output = readLines<ProjectingWriterLine>(child);
      await output.waitFor((line) => line.kind === 'acknowledged', 1 + Math.floor(Math.random() * 40));
      await sleep(Math.random() * 150);
      child.kill('SIGKILL');
      await output.closed;
      expect({ kill, stderr: output.stderr() }).toEqual({ kill, stderr: '' });
      for (const line of output.lines) if (line.kind === 'acknowledged') acknowledged.push(line);

      const checkpoints = checkpointsIn(dir.dataDir);
      const store = await openSqliteEventStore({ dataDir: dir.dataDir });
      try {
        const log = await store.readAll();
        const head = log.at(-1)?.position ?? 0n;
        const recorded = new Map(log.map((event) => [event.id, event.position.toString()]));
        const lost = acknowledged.filter((ack) => recorded.get(ack.id) !== ack.position);
        expect({ kill, lost }).toEqual({ kill, lost: [] });

        // The projections had stopped somewhere behind the log; they must pick up from there, not from 0.
        const from = checkpoints.length === 0 ? 0n : checkpoints.reduce((a, b) => (a < b ? a : b));
        const behind = log.filter((event) => event.position > from).length;
        const counting = countingReads(store);
        const readSide = await startReadSide(counting.store, dir.dataDir);
        expect(readSide.runner.appliedPosition()).toBe(head);
        await readSide.close();
        if (from > 0n) resumedFromCheckpoint += 1;
        // The identity check and the catch-up each re-read the checkpoint's event.
        expect({ kill, read: counting.read() <= behind + 2 }).toEqual({ kill, read: true });

        const resumed = dumpReadModels(readModelsPath(dir.dataDir));
        await rebuildReadModels(store, rebuilt.dataDir);
        expect({ kill, readModels: resumed }).toEqual({ kill, readModels: dumpReadModels(readModelsPath(rebuilt.dataDir)) });
      } finally {
        await store.close();
      }
    }

    expect({ resumedFromCheckpoint, acknowledged: acknowledged.length > KILLS }).toEqual({
      resumedFromCheckpoint: KILLS,
      acknowledged: true,
    });
  }, 90_000);
});
