import type { EventStore } from './event-store';
import { openSqliteEventStore } from './sqlite';

export interface EventStoreConfig {
  /** Where the embedded store keeps its file. Used when no connection string is given. */
  dataDir: string;
  /** `esdb://…` or `esdb+discover://…`: use EventStoreDB instead of the embedded store. */
  connectionString?: string;
}

/**
 * The embedded SQLite store by default; EventStoreDB when a connection string is given. The embedded store
 * is open (and its directory locked) when this resolves; the EventStoreDB client connects on first use.
 */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  const connectionString = config.connectionString?.trim();
  if (connectionString === undefined || connectionString === '') {
    return openSqliteEventStore({ dataDir: config.dataDir });
  }
  // Loaded only when asked for: the gRPC client costs start-up time the embedded store does not need.
  const { createEventStoreDbEventStore } = await import('./eventstoredb');
  return createEventStoreDbEventStore(connectionString);
}
