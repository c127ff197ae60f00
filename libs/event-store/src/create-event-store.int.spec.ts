import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../../../eventstore/test-server';
import { createEventStore } from './create-event-store';
import { makeTempDataDir } from './sqlite/testing/temp-data-dir';

describe('Choosing the event store from configuration', () => {
  const dir = makeTempDataDir('choice');
  let server: TestServer | undefined;

  afterAll(async () => {
    await server?.close();
    dir.remove();
  });

  it('opens the embedded store in the data directory when no connection string is set', async () => {
    const store = await createEventStore({ dataDir: join(dir.dataDir, 'nested', 'data'), connectionString: '  ' });
    try {
      expect(await store.health()).toMatchObject({ store: 'embedded', status: 'up' });
      expect(existsSync(join(dir.dataDir, 'nested', 'data', 'events.sqlite3'))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('talks to EventStoreDB, not to the data directory, when a connection string is set', async () => {
    server = await startTestServer({ port: 0 });
    const dataDir = join(dir.dataDir, 'unused');
    const store = await createEventStore({ dataDir, connectionString: server.connectionString });
    try {
      const stream = `choice-${randomUUID()}`;
      await store.append(stream, [{ id: randomUUID(), type: 'Chosen', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });

      expect(await store.health()).toMatchObject({ store: 'eventstoredb', status: 'up' });
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['Chosen']);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await store.close();
    }
  });
});
