import { startTestServer, type TestServer } from '../../eventstore/test-server';

/**
 * Which event store the end-to-end suite runs on. `npm test` runs every e2e file twice: on the embedded store,
 * and (jest project `e2e-eventstoredb`) on EventStoreDB through the protocol test server with the real client.
 */
export type TestStoreKind = 'embedded' | 'eventstoredb';

export function testStoreKind(): TestStoreKind {
  return process.env.REGISTRY_TEST_STORE === 'eventstoredb' ? 'eventstoredb' : 'embedded';
}

/** For tests that exercise the embedded store's own machinery (its file, its lock, SIGKILL of its writer). */
export const describeOnEmbeddedStore: jest.Describe =
  testStoreKind() === 'embedded' ? describe : (describe.skip as jest.Describe);

/** An EventStoreDB for one registry's lifetime (restarts included), or nothing on the embedded store. */
export async function startTestStore(): Promise<{ connectionString?: string; close(): Promise<void> }> {
  if (testStoreKind() === 'embedded') return { close: () => Promise.resolve() };
  const server: TestServer = await startTestServer({ port: 0 });
  return { connectionString: server.connectionString, close: () => server.close() };
}

/** For tests of EventStoreDB's own failure modes (a store that stops answering, goes away, changes leader). */
export const describeOnEventStoreDb: jest.Describe =
  testStoreKind() === 'eventstoredb' ? describe : (describe.skip as jest.Describe);
