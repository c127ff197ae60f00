import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistryApp } from '../../apps/registry/src/create-app';
import { startTestServer, type TestServer } from '../../eventstore/test-server';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { describeOnEventStoreDb } from '../support/test-store';

const ADMIN_KEY = 'operator-chosen-key-for-the-replicas-0123';
const SCHEMES = { query: '{ schemes { code } }' };

/** The secret API keys are hashed with, across replicas of one EventStoreDB log. */
describeOnEventStoreDb('the key secret on EventStoreDB', () => {
  let server: TestServer;
  const registries: RunningRegistry[] = [];

  beforeAll(async () => {
    server = await startTestServer({ port: 0 });
  });

  afterAll(async () => {
    for (const registry of registries) await registry.cleanup();
    await server?.close();
  });

  const replica = async (keySecret?: string): Promise<RunningRegistry> => {
    const registry = await startRegistry({ config: { eventStoreConnectionString: server.connectionString, adminKey: ADMIN_KEY, ...(keySecret ? { keySecret } : {}) } });
    registries.push(registry);
    return registry;
  };
  const codes = async (registry: RunningRegistry, key: string): Promise<string[]> => {
    const response = await registry.http.graphql(SCHEMES.query, {}, { authorization: `Bearer ${key}` });
    return (response.body.errors ?? []).map((error) => String(error.extensions?.code));
  };

  it('is shared by the replicas: a key created on one works on another; under another secret it does not', async () => {
    const first = await replica();
    const second = await replica();
    const created = await first.http.graphql<{ createApiKey: { key: string } }>(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }',
      { input: { role: 'AUDITOR', label: 'replicated' } },
      { authorization: `Bearer ${ADMIN_KEY}` },
    );
    const key = String(created.body.data?.createApiKey.key);

    // The second replica follows the log: give it a moment to see the key.
    let seen: string[] = ['UNAUTHENTICATED'];
    for (let attempt = 0; attempt < 50 && seen.length > 0; attempt += 1) {
      seen = await codes(second, key);
      if (seen.length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(seen).toEqual([]);
    expect(await codes(second, ADMIN_KEY)).toEqual([]);

    const stranger = await replica('a-different-secret-that-no-replica-shares');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await codes(stranger, key)).toEqual(['UNAUTHENTICATED']);
  }, 60_000);

  it('must be configured: a replica without it refuses to start, saying which variable to set', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-no-key-secret-'));
    try {
      await expect(createRegistryApp({ eventStoreConnectionString: server.connectionString, dataDir, port: 0, logLevel: 'silent' })).rejects.toThrow(
        /REGISTRY_KEY_SECRET/,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
