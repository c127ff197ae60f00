import { randomUUID } from 'node:crypto';
import {
  END,
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  NO_STREAM,
  START,
  streamNameFilter,
  type Position,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { startTestServer, type TestServer } from './index';

describe('the test server, subscriptions', () => {
  let server: TestServer;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    server = await startTestServer();
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await server.close();
  });

  const numbered = (from: number, count: number, type = 'Numbered') =>
    Array.from({ length: count }, (_, i) => jsonEvent({ type, data: { n: from + i } }));
  const n = (resolved: ResolvedEvent) => (resolved.event?.data as { n: number }).n;

  it('confirms, then delivers the log and appends racing the catch-up with no gap and no repeat', async () => {
    const name = `live-${randomUUID()}`;
    await client.appendToStream(name, numbered(0, 50), { expectedRevision: NO_STREAM });
    const subscription = client.subscribeToAll({ fromPosition: START, filter: streamNameFilter({ prefixes: [name] }) });
    const confirmed = once(subscription, 'confirmation');
    const seen: number[] = [];
    let revision = 49n;
    const writer = (async () => {
      for (let batch = 0; batch < 10; batch++) {
        const result = await client.appendToStream(name, numbered(50 + batch * 5, 5), { expectedRevision: revision });
        revision = result.nextExpectedRevision;
      }
    })();
    for await (const resolved of subscription) {
      seen.push(n(resolved));
      if (seen.length === 100) break;
    }
    await subscription.unsubscribe();
    await writer;
    await confirmed;
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('says caught up when the catch-up reaches the end of the log, then goes live', async () => {
    const name = `caught-up-${randomUUID()}`;
    await client.appendToStream(name, numbered(0, 3), { expectedRevision: NO_STREAM });
    const subscription = client.subscribeToAll({ filter: streamNameFilter({ prefixes: [name] }) });
    const seenBeforeCaughtUp: number[] = [];
    subscription.on('data', (resolved: ResolvedEvent) => seenBeforeCaughtUp.push(n(resolved)));
    await once(subscription, 'caughtUp');
    subscription.removeAllListeners('data');
    expect(seenBeforeCaughtUp).toEqual([0, 1, 2]);
    await client.appendToStream(name, numbered(3, 1), { expectedRevision: 2n });
    expect((await take(subscription, 1)).map(n)).toEqual([3]);
  });

  it('starts a $all subscription after the given position', async () => {
    const name = `after-${randomUUID()}`;
    await client.appendToStream(name, numbered(0, 3), { expectedRevision: NO_STREAM });
    const events = await take(client.readStream(name), 3);
    const subscription = client.subscribeToAll({
      fromPosition: events[1].event!.position!,
      filter: streamNameFilter({ prefixes: [name] }),
    });
    expect((await take(subscription, 1)).map(n)).toEqual([2]);
  });

  it('starts a stream subscription after the given revision, and from END with new events only', async () => {
    const name = `stream-${randomUUID()}`;
    await client.appendToStream(name, numbered(0, 3), { expectedRevision: NO_STREAM });
    const afterFirst = client.subscribeToStream(name, { fromRevision: 0n });
    expect((await take(afterFirst, 2)).map(n)).toEqual([1, 2]);
    const fromEnd = client.subscribeToStream(name, { fromRevision: END });
    await once(fromEnd, 'confirmation');
    await client.appendToStream(name, numbered(3, 1), { expectedRevision: 2n });
    expect((await take(fromEnd, 1)).map(n)).toEqual([3]);
  });

  it('subscribes to a stream that does not exist yet', async () => {
    const name = `later-${randomUUID()}`;
    const subscription = client.subscribeToStream(name, { fromRevision: START });
    await once(subscription, 'caughtUp');
    await client.appendToStream(name, numbered(0, 2), { expectedRevision: NO_STREAM });
    expect((await take(subscription, 2)).map(n)).toEqual([0, 1]);
  });

  it('filters $all by event type prefix, by stream prefix, and by regex', async () => {
    const tag = randomUUID().slice(0, 8);
    await client.appendToStream(`a-${tag}`, numbered(0, 2, `Kept${tag}`), { expectedRevision: NO_STREAM });
    await client.appendToStream(`b-${tag}`, numbered(2, 2, `Dropped${tag}`), { expectedRevision: NO_STREAM });
    const byType = client.subscribeToAll({ filter: eventTypeFilter({ prefixes: [`Kept${tag}`] }) });
    expect((await take(byType, 2)).map((e) => e.event?.streamId)).toEqual([`a-${tag}`, `a-${tag}`]);
    const byStream = client.subscribeToAll({ filter: streamNameFilter({ prefixes: [`b-${tag}`] }) });
    expect((await take(byStream, 2)).map(n)).toEqual([2, 3]);
    const noSystem = client.subscribeToAll({ filter: excludeSystemEvents() });
    const [first] = await take(noSystem, 1);
    expect(first.event?.type.startsWith('$')).toBe(false);
  });

  it('reports checkpoints on a filtered subscription every interval times the search window', async () => {
    const tag = randomUUID().slice(0, 8);
    const before = await take(client.readAll({ direction: 'backwards', fromPosition: END, maxCount: 1 }), 1);
    const start = before[0].event!.position!;
    await client.appendToStream(`noise-${tag}`, numbered(0, 40), { expectedRevision: NO_STREAM });
    const checkpoints: Position[] = [];
    const subscription = client.subscribeToAll({
      fromPosition: start,
      filter: eventTypeFilter({
        prefixes: [`Never${tag}`],
        maxSearchWindow: 4,
        checkpointInterval: 2,
        checkpointReached: (_subscription, position) => {
          checkpoints.push(position);
        },
      }),
    });
    await once(subscription, 'caughtUp');
    await subscription.unsubscribe();
    expect(checkpoints).toHaveLength(5);
    for (let i = 1; i < checkpoints.length; i++) expect(checkpoints[i].commit).toBeGreaterThan(checkpoints[i - 1].commit);
  });

  it('keeps serving a client that cancelled a subscription on the same channel', async () => {
    const subscription = client.subscribeToAll({ fromPosition: END });
    await once(subscription, 'confirmation');
    await subscription.unsubscribe();
    const name = `after-unsubscribe-${randomUUID()}`;
    await client.appendToStream(name, numbered(0, 1), { expectedRevision: NO_STREAM });
    expect(await take(client.readStream(name), 1)).toHaveLength(1);
  });
});

type Closable<T> = AsyncIterable<T> & { unsubscribe?: () => Promise<void>; cancel?: () => Promise<void> };

/** Takes `count` items, then cancels the call: leaving the loop alone does not end the gRPC call. */
async function take<T>(iterable: Closable<T>, count: number): Promise<T[]> {
  const items: T[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  while (items.length < count) {
    const next = await iterator.next();
    if (next.done) break;
    items.push(next.value);
  }
  await iterable.unsubscribe?.();
  await iterable.cancel?.();
  return items;
}

function once(emitter: NodeJS.EventEmitter, event: string): Promise<void> {
  return new Promise((resolve) => emitter.once(event, () => resolve()));
}
