import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent, NO_STREAM } from '@eventstore/db-client';
import { startTestServer, type TestServer, type TestServerOptions } from './index';

const transports: Array<[string, TestServerOptions]> = [
  ['BatchAppend', {}],
  ['Append', { batchAppend: false }],
];

/** The README's promise: what the real server does and this double does not is refused, never ignored. */
describe.each(transports)('the test server, asked for what it does not implement (appends over %s)', (_name, options) => {
  let server: TestServer;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    server = await startTestServer(options);
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await server.close();
  });

  it.each([
    ['$maxCount', { maxCount: 1 }],
    ['$tb', { truncateBefore: 5 }],
    ['$maxAge', { maxAge: 60 }],
  ])('refuses stream metadata %s instead of storing it unheeded', async (_field, metadata) => {
    const stream = `capped-${randomUUID()}`;
    await client.appendToStream(stream, jsonEvent({ type: 'Kept', data: {} }), { expectedRevision: NO_STREAM });

    await expect(client.setStreamMetadata(stream, metadata)).rejects.toThrow(/not implemented by the test server/);
  });

  it('refuses resolveLinkTos on reads and subscriptions', async () => {
    const stream = `linked-${randomUUID()}`;
    await client.appendToStream(stream, jsonEvent({ type: 'Kept', data: {} }), { expectedRevision: NO_STREAM });
    const read = async (): Promise<void> => {
      for await (const resolved of client.readStream(stream, { resolveLinkTos: true })) void resolved;
    };
    const readAll = async (): Promise<void> => {
      for await (const resolved of client.readAll({ resolveLinkTos: true, maxCount: 1 })) void resolved;
    };

    await expect(read()).rejects.toThrow(/resolveLinkTos is not implemented/);
    await expect(readAll()).rejects.toThrow(/resolveLinkTos is not implemented/);
    const subscription = client.subscribeToStream(stream, { resolveLinkTos: true });
    await expect(new Promise((_, reject) => subscription.once('error', reject))).rejects.toThrow(/resolveLinkTos is not implemented/);
    await subscription.unsubscribe();
  });
});
