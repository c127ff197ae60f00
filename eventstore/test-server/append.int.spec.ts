import { randomUUID } from 'node:crypto';
import {
  EventStoreDBClient,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  STREAM_EXISTS,
  ANY,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { startTestServer, type TestServer, type TestServerOptions } from './index';

// Both shapes of the append protocol: BatchAppend when ServerFeatures lists it, one Append call otherwise
// (also when ServerFeatures itself is missing, as on a 20.x server).
const transports: Array<[string, TestServerOptions, 'batchAppend' | 'append']> = [
  ['BatchAppend', {}, 'batchAppend'],
  ['Append, batchappend not advertised', { batchAppend: false }, 'append'],
  ['Append, ServerFeatures unimplemented', { serverFeatures: false }, 'append'],
];

describe.each(transports)('the test server, appending over %s', (_name, options, method) => {
  let server: TestServer;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    server = await startTestServer({ ...options, maxAppendSize: 64 * 1024 });
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await server.close();
  });

  const stream = (): string => `order-${randomUUID()}`;
  const event = (id: string = randomUUID()) => jsonEvent({ id, type: 'OrderPlaced', data: { total: 1 } });

  it('takes the append path the client chooses from ServerFeatures', async () => {
    const before = server.calls()[method];
    await client.appendToStream(stream(), event(), { expectedRevision: NO_STREAM });
    expect(server.calls()[method]).toBeGreaterThan(before);
  });

  it('answers with the last revision and a position whose commit equals prepare', async () => {
    const name = stream();
    const result = await client.appendToStream(name, [event(), event(), event()], { expectedRevision: NO_STREAM });
    expect(result.success).toBe(true);
    expect(result.nextExpectedRevision).toBe(2n);
    expect(typeof result.position?.commit).toBe('bigint');
    expect(result.position?.commit).toBe(result.position?.prepare);
    const [last] = await collect(client.readStream(name, { direction: 'backwards', fromRevision: 'end', maxCount: 1 }));
    expect(last.event?.position?.commit).toBe(result.position?.commit);
  });

  it('treats the same event ids appended again at the same revision as a success without duplicating', async () => {
    const name = stream();
    const first = [event(), event()];
    const written = await client.appendToStream(name, first, { expectedRevision: NO_STREAM });
    const repeated = await client.appendToStream(name, first, { expectedRevision: NO_STREAM });
    expect(repeated.nextExpectedRevision).toBe(1n);
    expect(repeated.position).toEqual(written.position);
    const second = [event()];
    await client.appendToStream(name, second, { expectedRevision: 1n });
    await client.appendToStream(name, second, { expectedRevision: 1n });
    await client.appendToStream(name, second, { expectedRevision: ANY });
    expect(await collect(client.readStream(name))).toHaveLength(3);
  });

  it('refuses a retry that repeats only some of the ids', async () => {
    const name = stream();
    const [a, b] = [event(), event()];
    await client.appendToStream(name, [a, b], { expectedRevision: NO_STREAM });
    await expect(client.appendToStream(name, [a, event()], { expectedRevision: NO_STREAM })).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
  });

  it('refuses a wrong explicit revision, naming the stream, the expected and the actual revision', async () => {
    const name = stream();
    await client.appendToStream(name, [event(), event()], { expectedRevision: NO_STREAM });
    const refusal = await client.appendToStream(name, event(), { expectedRevision: 0n }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(WrongExpectedVersionError);
    expect(refusal).toMatchObject({ streamName: name, expectedVersion: 0n, actualVersion: 1n });
  });

  it('refuses no_stream on an existing stream and stream_exists on a missing one', async () => {
    const name = stream();
    await client.appendToStream(name, event(), { expectedRevision: NO_STREAM });
    await expect(client.appendToStream(name, event(), { expectedRevision: NO_STREAM })).rejects.toMatchObject({
      streamName: name,
      expectedVersion: NO_STREAM,
      actualVersion: 0n,
    });
    const missing = stream();
    await expect(client.appendToStream(missing, event(), { expectedRevision: STREAM_EXISTS })).rejects.toMatchObject({
      streamName: missing,
      expectedVersion: STREAM_EXISTS,
      actualVersion: NO_STREAM,
    });
  });

  it('carries revisions beyond 2^53 exactly, as 64-bit values travel as decimal strings', async () => {
    const huge = 2n ** 62n + 1n;
    await expect(client.appendToStream(stream(), event(), { expectedRevision: huge })).rejects.toMatchObject({
      expectedVersion: huge,
      actualVersion: NO_STREAM,
    });
  });

  it('refuses an append above the maximum append size', async () => {
    const big = jsonEvent({ type: 'Big', data: { blob: 'x'.repeat(70 * 1024) } });
    await expect(client.appendToStream(stream(), big)).rejects.toBeInstanceOf(MaxAppendSizeExceededError);
  });

  it('hands event ids back lower-cased, as the real server stores them', async () => {
    const name = stream();
    const id = randomUUID().toUpperCase();
    await client.appendToStream(name, event(id), { expectedRevision: NO_STREAM });
    const [read] = await collect(client.readStream(name));
    expect(read.event?.id).toBe(id.toLowerCase());
  });
});

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
