import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../../../../eventstore/test-server';
import { WrongExpectedRevisionError } from '../errors';
import type { EventData, EventStore, RecordedEvent } from '../event-store';
import { createEventStoreDbEventStore } from './index';

// What the contract suite cannot show: behaviour specific to EventStoreDB, driven through the real
// client against the protocol test server.

const event = (type = 'Happened'): EventData => ({ id: randomUUID(), type, data: { at: type }, metadata: {} });

describe('The EventStoreDB adapter', () => {
  let server: TestServer;
  let store: EventStore;

  beforeAll(async () => {
    server = await startTestServer();
    store = createEventStoreDbEventStore(server.connectionString);
  });
  afterAll(async () => {
    await store.close();
    await server.close();
  });

  it("leaves EventStoreDB's system events out of $all reads and subscriptions", async () => {
    // The test server holds `$`-typed events in `$`-streams at the head of its log, as a fresh node does.
    const stream = `plain-${randomUUID()}`;
    await store.append(stream, [event()], { expectedRevision: 'no_stream' });

    const read = await store.readAll();
    const subscription = store.subscribeToAll();
    const first = await nextOf(subscription);
    await subscription.close();

    expect(read.length).toBeGreaterThan(0);
    expect(read.some((e) => e.type.startsWith('$') || e.stream.startsWith('$'))).toBe(false);
    expect(first.stream.startsWith('$')).toBe(false);
  });

  it('fills maxCount with events of its own even when system events sit among them', async () => {
    const read = await store.readAll({ maxCount: 1 });

    expect(read).toHaveLength(1);
    expect(read[0].type.startsWith('$')).toBe(false);
  });

  it('reports the position of the newest event as its health', async () => {
    const written = await store.append(`health-${randomUUID()}`, [event()], { expectedRevision: 'no_stream' });

    await expect(store.health()).resolves.toEqual({ store: 'eventstoredb', status: 'up', lastPosition: written.position });
  });

  it('checks the expected revision of an append of no events without writing', async () => {
    const stream = `empty-${randomUUID()}`;
    await expect(store.append(stream, [], { expectedRevision: 'no_stream' })).resolves.toEqual({ nextRevision: -1n, position: -1n });
    const written = await store.append(stream, [event()], { expectedRevision: 'no_stream' });

    await expect(store.append(stream, [], { expectedRevision: 0n })).resolves.toEqual({ nextRevision: 0n, position: written.position });
    await expect(store.append(stream, [], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });

  it('resumes a subscription after the server restarts, with no gap and no repeat', async () => {
    const prefix = `resume-${randomUUID()}`;
    const before = [event('Before'), event('Before')];
    const after = [event('After'), event('After')];
    await store.append(`${prefix}-1`, before, { expectedRevision: 'no_stream' });
    const subscription = store.subscribeToAll({ filter: { streamNamePrefixes: [prefix] } });
    const iterator = subscription[Symbol.asyncIterator]();
    const received: RecordedEvent[] = [(await iterator.next()).value, (await iterator.next()).value];

    const readsBefore = server.calls().read;
    await server.restart();
    // The append meets the dropped connection too, and is retried on a fresh one.
    await store.append(`${prefix}-1`, after, { expectedRevision: 1n });
    received.push((await iterator.next()).value, (await iterator.next()).value);
    await subscription.close();

    expect(received.map((e) => e.id)).toEqual([...before, ...after].map((e) => e.id));
    expect(server.calls().read).toBeGreaterThan(readsBefore);
  });

  it('refuses to open on a malformed connection string, naming the problem', () => {
    expect(() => createEventStoreDbEventStore('postgres://nope')).toThrow(/esdb/i);
  });
});

describe('The EventStoreDB adapter against a server without BatchAppend', () => {
  let server: TestServer;
  let store: EventStore;

  beforeAll(async () => {
    server = await startTestServer({ batchAppend: false });
    store = createEventStoreDbEventStore(server.connectionString);
  });
  afterAll(async () => {
    await store.close();
    await server.close();
  });

  it("translates the Append call's refusal into the port's error, with stream, expected and actual", async () => {
    const stream = `append-path-${randomUUID()}`;
    await store.append(stream, [event(), event()], { expectedRevision: 'no_stream' });

    const refusal = await store.append(stream, [event()], { expectedRevision: 0n }).catch((error: unknown) => error);

    expect(server.calls().batchAppend).toBe(0);
    expect(refusal).toBeInstanceOf(WrongExpectedRevisionError);
    expect(refusal).toMatchObject({ stream, expected: 0n, actual: 1n });
  });
});

describe('The EventStoreDB adapter with no server to reach', () => {
  it('reports itself down with the reason, and fails calls instead of hanging', async () => {
    const gone = await startTestServer();
    await gone.close();
    const store = createEventStoreDbEventStore(gone.connectionString);
    try {
      const health = await store.health();
      expect(health).toMatchObject({ store: 'eventstoredb', status: 'down' });
      expect(health.detail).toBeTruthy();
      await expect(store.readStream('anything')).rejects.toThrow();
    } finally {
      await store.close();
    }
  });
});

async function nextOf(subscription: AsyncIterable<RecordedEvent>): Promise<RecordedEvent> {
  const next = await subscription[Symbol.asyncIterator]().next();
  if (next.done) throw new Error('the subscription ended');
  return next.value;
}
