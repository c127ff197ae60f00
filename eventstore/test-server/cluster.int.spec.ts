import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent, NO_STREAM } from '@eventstore/db-client';
import { startTestServer, type TestServer } from './index';

describe('the test server, as a cluster of one', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers gossip as a single alive leader, so a discovery connection string reaches it', async () => {
    const client = EventStoreDBClient.connectionString(`esdb+discover://${server.host}:${server.port}?tls=false&nodePreference=leader`);
    try {
      const name = `discovered-${randomUUID()}`;
      await client.appendToStream(name, jsonEvent({ type: 'Found', data: {} }), { expectedRevision: NO_STREAM });
      expect(server.calls().gossipRead).toBeGreaterThan(0);
      let count = 0;
      for await (const resolved of client.readStream(name)) if (resolved.event) count++;
      expect(count).toBe(1);
    } finally {
      await client.dispose();
    }
  });

  it('listens on an ephemeral port and says so in its connection string', async () => {
    expect(server.port).toBeGreaterThan(0);
    expect(server.connectionString).toBe(`esdb://127.0.0.1:${server.port}?tls=false`);
  });

  it('keeps its log across a restart, dropping the calls that were open', async () => {
    const restarting = await startTestServer();
    const client = EventStoreDBClient.connectionString(restarting.connectionString);
    try {
      const name = `kept-${randomUUID()}`;
      await client.appendToStream(name, jsonEvent({ type: 'Kept', data: {} }), { expectedRevision: NO_STREAM });
      const subscription = client.subscribeToStream(name);
      const dropped = new Promise<unknown>((resolve) => subscription.once('error', resolve));
      await new Promise((resolve) => subscription.once('confirmation', resolve));
      await restarting.restart();
      expect(await dropped).toBeInstanceOf(Error);
      const read = async (): Promise<number> => {
        let count = 0;
        for await (const resolved of client.readStream(name)) if (resolved.event) count++;
        return count;
      };
      // The client drops its channel on the failure and connects afresh on the next call.
      const count = await read().catch(read);
      expect(count).toBe(1);
    } finally {
      await client.dispose();
      await restarting.close();
    }
  });

  it('refuses new connections once closed', async () => {
    const closing = await startTestServer();
    await closing.close();
    const client = EventStoreDBClient.connectionString(closing.connectionString);
    try {
      await expect(client.appendToStream('any', jsonEvent({ type: 'Lost', data: {} }), { deadline: 2000 })).rejects.toThrow();
    } finally {
      await client.dispose();
    }
  });
});
