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
