import type { EventStore } from '../event-store';
import { EsdbClient } from './esdb-client';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/** The EventStore port on EventStoreDB/KurrentDB, from an `esdb://` or `esdb+discover://` connection
 * string. Connects lazily: a malformed string throws here, an unreachable server on first use. */
export function createEventStoreDbEventStore(connectionString: string): EventStore {
  return new EventStoreDbEventStore(EsdbClient.connect(connectionString));
}

export { EventStoreDbEventStore } from './eventstoredb-event-store';
