import { dirname, resolve } from 'node:path';
import { openSqliteEventStore, type EventStore } from '@registry/event-store';
import { createEventStoreDbEventStore } from '@registry/event-store/eventstoredb';

export interface OpenedStore {
  readonly store: EventStore;
  /** For messages: where the store is, without credentials. */
  readonly label: string;
}

const CONNECTION_STRING = /^esdb(\+discover)?:\/\//i;

/** `esdb://…` / `esdb+discover://…` is EventStoreDB; anything else is the embedded store's data
 * directory (or its `events.sqlite3` file). The embedded store refuses a directory a registry holds. */
export async function openStore(location: string): Promise<OpenedStore> {
  if (CONNECTION_STRING.test(location)) {
    return { store: createEventStoreDbEventStore(location), label: withoutCredentials(location) };
  }
  const dataDir = /\.sqlite3?$/i.test(location) ? dirname(resolve(location)) : resolve(location);
  return { store: await openSqliteEventStore({ dataDir }), label: dataDir };
}

function withoutCredentials(connectionString: string): string {
  return connectionString.replace(/\/\/[^@/]*@/, '//');
}
