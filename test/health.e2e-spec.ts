import type { EventStore } from '@registry/event-store';
import { EVENT_STORE } from '../apps/registry/src/store';
import { startTestServer } from '../eventstore/test-server';
import { startRegistry, type RunningRegistry } from './support/in-process-registry';
import { testStoreKind } from './support/test-store';

const kind = testStoreKind();

jest.setTimeout(30_000);

describe('GET /health', () => {
  let registry: RunningRegistry;

  afterEach(async () => {
    await registry?.cleanup();
  });

  it('answers 200 with the store up and its last position', async () => {
    registry = await startRegistry();
    const [last] = await registry.app.get<EventStore>(EVENT_STORE).readAll({ direction: 'backwards', maxCount: 1 });

    const response = await registry.http.get('/health');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'up', store: { kind, status: 'up', lastPosition: String(last.position) } });
  });

  it('still answers up after a restart on the same data directory', async () => {
    registry = await startRegistry();

    registry = await registry.restart();
    const response = await registry.http.get('/health');

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'up' });
  });

  it('answers 503 once the store is down', async () => {
    registry = await startRegistry();
    await registry.app.get<EventStore>(EVENT_STORE).close();

    const response = await registry.http.get('/health');

    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ status: 'down', store: { kind, status: 'down' } });
  });

  it('answers 503 down, saying the log is not writable, once an append has failed', async () => {
    registry = await startRegistry({ config: { adminKey: 'health-e2e-admin-key-0123456789abcdef' } });
    await registry.app.get<EventStore>(EVENT_STORE).close();

    const refused = await registry.http.graphql(
      'mutation { registerScheme(input: { code: "X-1", title: "x" }) { position } }',
      {},
      { authorization: 'Bearer health-e2e-admin-key-0123456789abcdef' },
    );
    const response = await registry.http.get<{ status: string; reasons: string[]; store: unknown }>('/health');

    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ status: 'down', store: { writable: false } });
    expect(response.body.reasons.join('\n')).toMatch(/store: the last append failed/);
  });

  it('reports EventStoreDB as the store when EVENTSTORE_CONNECTION_STRING is set', async () => {
    const server = await startTestServer({ port: 0 });
    try {
      registry = await startRegistry({ config: { eventStoreConnectionString: server.connectionString } });

      const response = await registry.http.get('/health');

      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'up', store: { kind: 'eventstoredb', status: 'up' } });
    } finally {
      await registry?.cleanup();
      await server.close();
    }
  });
});
