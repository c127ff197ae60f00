import Database from 'better-sqlite3';
import { eventsFilePath } from './schema';
import { openSqliteEventStore } from './sqlite-event-store';
import { crashLogViolations, type Acknowledgement } from './testing/crash-invariants';
import { spawnCrashWriter } from './testing/spawn-crash-writer';
import { makeTempDataDir } from './testing/temp-data-dir';

const KILLS = 16;
const WRITERS = 8;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const randomBelow = (n: number): number => Math.floor(Math.random() * n);

describe('The embedded store killed with SIGKILL at random moments', () => {
  const dir = makeTempDataDir('crash');

  afterAll(() => dir.remove());

  it(`keeps every acknowledged append, never shows half an append, and reopens, across ${KILLS} kills`, async () => {
    const acknowledged: Acknowledgement[] = [];
    const story: string[] = [];
    let killedWhileWriting = 0;

    for (let kill = 1; kill <= KILLS; kill += 1) {
      const writer = spawnCrashWriter(dir.dataDir, { writers: WRITERS, maxAppends: 4000 });
      // Most kills land among appends in flight; some while the store is still opening (recovery included).
      const duringStart = kill % 5 === 0;
      if (duringStart) await sleep(randomBelow(600));
      else await writer.waitFor('acknowledged');
      if (!duringStart) await sleep(randomBelow(300));
      await writer.kill();

      const acks = writer.lines.filter((line): line is Acknowledgement => line.kind === 'acknowledged');
      if (!writer.lines.some((line) => line.kind === 'done') && acks.length > 0) killedWhileWriting += 1;
      acknowledged.push(...acks);
      story.push(`kill ${kill}${duringStart ? ' (start)' : ''}: ${acks.length} acknowledged`);
      expect({ kill, stderr: writer.stderr() }).toEqual({ kill, stderr: '' });

      const store = await openSqliteEventStore({ dataDir: dir.dataDir });
      try {
        const log = await store.readAll();
        expect({ kill, violations: crashLogViolations(log, acknowledged) }).toEqual({ kill, violations: [] });
        expect(await store.health()).toEqual({ store: 'embedded', status: 'up', lastPosition: log.at(-1)?.position ?? 0n });
      } finally {
        await store.close();
      }
    }

    const db = new Database(eventsFilePath(dir.dataDir), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    // Not vacuous: the writers were really writing when most of the kills came.
    expect({ killedWhileWriting: killedWhileWriting >= KILLS / 2, enoughAppends: acknowledged.length > KILLS * 10, story }).toEqual({
      killedWhileWriting: true,
      enoughAppends: true,
      story,
    });
  }, 90_000);
});
