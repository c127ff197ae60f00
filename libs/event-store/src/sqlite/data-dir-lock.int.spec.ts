import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventStoreUnavailableError } from '../errors';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { spawnHolder } from './testing/spawn-holder';
import { makeTempDataDir } from './testing/temp-data-dir';

describe('One process per data directory', () => {
  let dir: ReturnType<typeof makeTempDataDir>;
  const opened: SqliteEventStore[] = [];

  beforeEach(() => {
    dir = makeTempDataDir('lock');
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    dir.remove();
  });

  async function open(): Promise<SqliteEventStore> {
    const store = await openSqliteEventStore({ dataDir: dir.dataDir });
    opened.push(store);
    return store;
  }

  it('refuses a second process with a message that names the directory and the process holding it', async () => {
    await open();

    const second = spawnHolder(dir.dataDir);
    const refused = await second.waitFor('refused');

    expect(refused.message).toContain(dir.dataDir);
    expect(refused.message).toContain(`process ${process.pid}`);
    expect(refused.message).toMatch(/one process per data directory/);
    expect(await second.exited).toBe(2);
  }, 30_000);

  it('refuses a second store even when the lock file was deleted under the first', async () => {
    const first = await open();
    await first.append('s-1', [{ id: '00000000-0000-4000-8000-0000000000a1', type: 'T', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });
    rmSync(join(dir.dataDir, 'registry.lock'), { force: true });
    rmSync(join(dir.dataDir, 'registry.lock.holder.json'), { force: true });

    await expect(openSqliteEventStore({ dataDir: dir.dataDir })).rejects.toThrow(/event log events.sqlite3 is open in another process/);
    expect((await first.health()).status).toBe('up');
  });

  it('refuses a second store in the same process', async () => {
    await open();

    await expect(openSqliteEventStore({ dataDir: dir.dataDir })).rejects.toThrow(EventStoreUnavailableError);
  });

  it('frees the directory when the holder closes its store', async () => {
    const first = await open();
    await first.close();

    const again = await open();

    expect((await again.health()).status).toBe('up');
  });

  it('frees the directory when the holder is killed with SIGKILL, keeping every acknowledged event', async () => {
    const holder = spawnHolder(dir.dataDir, 25);
    await holder.waitFor('holding');
    const acknowledged = holder.lines.flatMap((line) => (line.kind === 'acknowledged' ? [line.id] : []));

    holder.child.kill('SIGKILL');
    await holder.exited;
    const store = await open();

    const recorded = await store.readStream('held-stream');
    expect(acknowledged).toHaveLength(25);
    expect(recorded.map((e) => e.id)).toEqual(acknowledged);
  }, 30_000);

  it('lets a second process in once the first has let go', async () => {
    const first = spawnHolder(dir.dataDir);
    await first.waitFor('holding');
    first.child.stdin!.end();
    await first.waitFor('released');
    await first.exited;

    const second = spawnHolder(dir.dataDir);
    await second.waitFor('holding');
    second.child.stdin!.end();

    expect(await second.exited).toBe(0);
  }, 30_000);
});

describe('A data directory that cannot be used', () => {
  it('is refused with a message naming it', async () => {
    const dir = makeTempDataDir('not-a-dir');
    const file = `${dir.dataDir}/a-file`;
    writeFileSync(file, 'not a directory');
    try {
      const opening = openSqliteEventStore({ dataDir: `${file}/data` });

      await expect(opening).rejects.toThrow(EventStoreUnavailableError);
      await expect(opening).rejects.toThrow(`Cannot use the data directory ${file}/data`);
    } finally {
      dir.remove();
    }
  });
});
