import { startTestServer, type TestServer } from '../../../../eventstore/test-server';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { createEventStoreDbEventStore } from './index';

// Against the protocol test server by default; against a real EventStoreDB/KurrentDB when
// EVENTSTORE_TEST_CONNECTION_STRING is set (see eventstore/README.md). Either way the real client is used.
const realServer = process.env.EVENTSTORE_TEST_CONNECTION_STRING?.trim();

describeEventStoreContract(realServer ? 'EventStoreDB (real server)' : 'EventStoreDB (protocol test server)', () => {
  let server: TestServer | undefined;
  const connectionString = async (): Promise<string> => {
    if (realServer) return realServer;
    server ??= await startTestServer();
    return server.connectionString;
  };
  return {
    open: async () => createEventStoreDbEventStore(await connectionString()),
    reopen: async (store) => {
      await store.close();
      return createEventStoreDbEventStore(await connectionString());
    },
    teardown: async () => {
      await server?.close();
    },
  };
});
