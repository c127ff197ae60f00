import type { EventStore } from './event-store';
import { EventStoreUnavailableError } from './errors';
import { openSqliteEventStore } from './sqlite';

export interface EventStoreConfig {
  /** Where the embedded store keeps its file. Used when no connection string is given. */
  dataDir: string;
  /** `esdb://…` or `esdb+discover://…`: use EventStoreDB instead of the embedded store. */
  connectionString?: string;
}

/** The embedded SQLite store by default; EventStoreDB when a connection string is given. */
export async function createEventStore(config: EventStoreConfig): Promise<EventStore> {
  const connectionString = config.connectionString?.trim();
  if (connectionString === undefined || connectionString === '') {
    return openSqliteEventStore({ dataDir: config.dataDir });
  }
  throw new EventStoreUnavailableError(
    'EVENTSTORE_CONNECTION_STRING is set, but the EventStoreDB adapter is not available yet in this build; ' +
      'unset it to use the embedded store.',
  );
}
