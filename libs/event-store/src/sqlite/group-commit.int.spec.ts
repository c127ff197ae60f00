import { randomUUID } from 'node:crypto';
import { WrongExpectedRevisionError } from '../errors';
import type { EventData } from '../event-store';
import { openSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { makeTempDataDir } from './testing/temp-data-dir';

const event = (type: string): EventData => ({ id: randomUUID(), type, data: {}, metadata: {} });
const stream = (): string => `group-${randomUUID()}`;

describe('Group commit in the embedded store', () => {
  const dir = makeTempDataDir('group-commit');
  let store: SqliteEventStore;

  beforeAll(async () => {
    store = await openSqliteEventStore({ dataDir: dir.dataDir });
  });

  afterAll(async () => {
    await store.close();
    dir.remove();
  });

  it('commits appends made in the same turn of the event loop together, in one transaction', async () => {
    const before = store.stats();

    await Promise.all(Array.from({ length: 64 }, () => store.append(stream(), [event('Grouped')], { expectedRevision: 'no_stream' })));

    const after = store.stats();
    expect(after.appends - before.appends).toBe(64);
    expect(after.commits - before.commits).toBe(1);
  });

  it('fails only the loser of a batch: the other appends in the same transaction still commit', async () => {
    const contested = stream();
    const others = Array.from({ length: 8 }, stream);
    const before = store.stats();
    // Made in the same turn of the event loop, everything below lands in one batch.
    const primer = store.append(stream(), [event('Primer')], { expectedRevision: 'no_stream' });

    const racing = [0, 1].map(() => store.append(contested, [event('Contested')], { expectedRevision: 'no_stream' }));
    const independent = others.map((s) => store.append(s, [event('Independent')], { expectedRevision: 'no_stream' }));
    const results = await Promise.allSettled([primer, ...racing, ...independent]);

    expect(store.stats().commits - before.commits).toBe(1);
    const [primerResult, firstRacer, secondRacer, ...rest] = results;
    expect(primerResult.status).toBe('fulfilled');
    expect(firstRacer.status).toBe('fulfilled');
    expect(secondRacer.status).toBe('rejected');
    expect(secondRacer.status === 'rejected' && secondRacer.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(rest.every((r) => r.status === 'fulfilled')).toBe(true);
    for (const s of others) expect(await store.readStream(s)).toHaveLength(1);
    expect(await store.readStream(contested)).toHaveLength(1);
  });

  it('uses far fewer commits than appends when 64 writers append continuously', async () => {
    const before = store.stats();
    const writer = async (): Promise<void> => {
      const s = stream();
      for (let n = 0; n < 10; n += 1) {
        await store.append(s, [event('Continuous')], { expectedRevision: n === 0 ? 'no_stream' : BigInt(n - 1) });
      }
    };

    await Promise.all(Array.from({ length: 64 }, writer));

    const after = store.stats();
    expect(after.appends - before.appends).toBe(640);
    expect(after.commits - before.commits).toBeLessThanOrEqual(640 / 8);
  });

  it('rejects an event that is not JSON without touching the rest of its batch', async () => {
    const good = stream();
    const bad = { id: randomUUID(), type: 'Bad', data: { n: 1n } as unknown as EventData['data'], metadata: {} };

    const results = await Promise.allSettled([
      store.append(good, [event('Good')], { expectedRevision: 'no_stream' }),
      store.append(stream(), [bad], { expectedRevision: 'no_stream' }),
    ]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(await store.readStream(good)).toHaveLength(1);
  });
  it('an append to several streams is one transaction: a refused stream leaves the streams before it unwritten, and appends beside it in the same batch still commit', async () => {
    const [first, taken, neighbour] = [stream(), stream(), stream()];
    await store.append(taken, [event('Taken')], { expectedRevision: 'no_stream' });
    const before = store.stats();

    const [group, beside] = await Promise.allSettled([
      store.appendToStreams([
        { stream: first, events: [event('A')], expectedRevision: 'no_stream' },
        { stream: taken, events: [event('B')], expectedRevision: 'no_stream' },
      ]),
      store.append(neighbour, [event('Beside')], { expectedRevision: 'no_stream' }),
    ]);

    expect(store.stats().commits - before.commits).toBe(1);
    expect(group.status === 'rejected' && group.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(beside.status).toBe('fulfilled');
    expect(await store.readStream(first)).toEqual([]);
    expect(await store.readStream(neighbour)).toHaveLength(1);
  });
});
