import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent, NO_STREAM, UnavailableError } from '@eventstore/db-client';
import { startTestServer } from './index';

/** A stopping EventStoreDB node ends its calls UNAVAILABLE; a client reads CANCELLED as its own cancellation. */
describe('the test server, stopping under open calls', () => {
  it.each([
    ['closed', (server: { close(): Promise<void> }) => server.close()],
    ['restarted', (server: { restart(): Promise<void> }) => server.restart()],
  ])('ends an open subscription UNAVAILABLE when %s', async (_name, stop) => {
    const server = await startTestServer();
    const client = EventStoreDBClient.connectionString(server.connectionString);
    try {
      const stream = `open-${randomUUID()}`;
      await client.appendToStream(stream, jsonEvent({ type: 'Kept', data: {} }), { expectedRevision: NO_STREAM });
      const subscription = client.subscribeToStream(stream);
      const dropped = new Promise<unknown>((resolve) => subscription.once('error', resolve));
      await new Promise((resolve) => subscription.once('confirmation', resolve));

      await stop(server);

      expect(await dropped).toBeInstanceOf(UnavailableError);
    } finally {
      await client.dispose();
      await server.close();
    }
  });
});
