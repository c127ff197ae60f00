import { randomUUID } from 'node:crypto';
import { credentials } from '@grpc/grpc-js';
import {
  BACKWARDS,
  binaryEvent,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  StreamNotFoundError,
  type AllStreamResolvedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { Empty, StreamIdentifier } from '@eventstore/db-client/generated/shared_pb';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { startTestServer, type TestServer } from './index';

describe('the test server, reading', () => {
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

  const appendNumbered = async (name: string, count: number) => {
    const events = Array.from({ length: count }, (_, n) => jsonEvent({ type: 'Numbered', data: { n } }));
    return client.appendToStream(name, events, { expectedRevision: NO_STREAM });
  };
  const numbers = (events: ResolvedEvent[]) => events.map((resolved) => (resolved.event?.data as { n: number }).n);

  it('answers a missing stream with a stream_not_found reply that ends the call normally', async () => {
    const name = `missing-${randomUUID()}`;
    const replies = await rawRead(server, streamRequest(name));
    expect(replies.status).toBe(0);
    expect(replies.messages.map((reply) => reply.getContentCase())).toEqual([ReadResp.ContentCase.STREAM_NOT_FOUND]);
    await expect(collect(client.readStream(name))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('reads a stream forwards from a revision, backwards from a revision, and bounded by maxCount', async () => {
    const name = `numbers-${randomUUID()}`;
    await appendNumbered(name, 10);
    expect(numbers(await collect(client.readStream(name)))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(numbers(await collect(client.readStream(name, { fromRevision: 7n })))).toEqual([7, 8, 9]);
    expect(numbers(await collect(client.readStream(name, { fromRevision: 2n, maxCount: 3 })))).toEqual([2, 3, 4]);
    expect(numbers(await collect(client.readStream(name, { direction: BACKWARDS, fromRevision: END, maxCount: 2 })))).toEqual([9, 8]);
    expect(numbers(await collect(client.readStream(name, { direction: BACKWARDS, fromRevision: 3n })))).toEqual([3, 2, 1, 0]);
  });

  it('reads a stream backwards from START as revision 0 alone', async () => {
    const name = `numbers-${randomUUID()}`;
    await appendNumbered(name, 3);
    expect(numbers(await collect(client.readStream(name, { direction: BACKWARDS, fromRevision: START })))).toEqual([0]);
  });

  it('includes the start position reading $all forwards and excludes it reading backwards', async () => {
    const name = `numbers-${randomUUID()}`;
    await appendNumbered(name, 3);
    const [, middle] = await collect(client.readStream(name));
    const position = middle.event!.position!;
    const forwards = await collect(client.readAll({ fromPosition: position, direction: FORWARDS, maxCount: 1 }));
    const backwards = await collect(client.readAll({ fromPosition: position, direction: BACKWARDS, maxCount: 1 }));
    expect(forwards[0].event?.id).toBe(middle.event?.id);
    expect(backwards[0].event?.revision).toBe(0n);
    expect(backwards[0].event?.streamId).toBe(name);
  });

  it('gives $all events strictly increasing positions that are not consecutive numbers', async () => {
    await appendNumbered(`numbers-${randomUUID()}`, 5);
    const positions = (await collect(client.readAll())).map((resolved) => resolved.event!.position.commit);
    for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1] + 1n);
  });

  it('holds system events in $all, as a fresh real node does', async () => {
    const [first] = await collect(client.readAll({ maxCount: 1 }));
    expect(first.event?.type.startsWith('$')).toBe(true);
  });

  it('stamps created as .NET ticks since the Unix epoch, sent as a decimal string', async () => {
    const name = `numbers-${randomUUID()}`;
    const before = Date.now();
    await appendNumbered(name, 1);
    const replies = await rawRead(server, streamRequest(name));
    const created = replies.messages[0].getEvent()!.getEvent()!.getMetadataMap().get('created')!;
    expect(created).toMatch(/^\d+$/);
    expect(BigInt(created) / 10_000n).toBeGreaterThanOrEqual(BigInt(before));
    const [read] = await collect(client.readStream(name));
    expect(read.event!.created.getTime()).toBeGreaterThanOrEqual(before);
    expect(read.event!.created.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('returns JSON events parsed with their metadata, and other content types as the same bytes', async () => {
    const name = `mixed-${randomUUID()}`;
    const bytes = Uint8Array.from([0, 1, 2, 254, 255]);
    await client.appendToStream(
      name,
      [
        jsonEvent({ type: 'Json', data: { name: 'Zoë 🌏' }, metadata: { actor: 'ab-1' } }),
        binaryEvent({ type: 'Bytes', data: bytes }),
      ],
      { expectedRevision: NO_STREAM },
    );
    const [json, binary] = await collect(client.readStream(name));
    expect(json.event).toMatchObject({ isJson: true, data: { name: 'Zoë 🌏' }, metadata: { actor: 'ab-1' } });
    expect(binary.event?.isJson).toBe(false);
    expect(Buffer.from(binary.event!.data as Uint8Array)).toEqual(Buffer.from(bytes));
  });
});

function streamRequest(name: string): ReadReq {
  const stream = new ReadReq.Options.StreamOptions()
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(name)))
    .setStart(new Empty());
  const options = new ReadReq.Options()
    .setStream(stream)
    .setCount('9007199254740991')
    .setNoFilter(new Empty())
    .setUuidOption(new ReadReq.Options.UUIDOption().setString(new Empty()));
  return new ReadReq().setOptions(options);
}

/** Reads over the generated stub, below the client, to see the replies as the wire carries them. */
function rawRead(server: TestServer, request: ReadReq): Promise<{ status: number; messages: ReadResp[] }> {
  const stub = new StreamsClient(`${server.host}:${server.port}`, credentials.createInsecure());
  const messages: ReadResp[] = [];
  return new Promise((resolve, reject) => {
    const call = stub.read(request);
    call.on('data', (reply: ReadResp) => messages.push(reply));
    call.on('error', (error) => {
      stub.close();
      reject(error);
    });
    call.on('status', (status) => {
      stub.close();
      resolve({ status: status.code, messages });
    });
  });
}

async function collect<T extends ResolvedEvent | AllStreamResolvedEvent>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}
