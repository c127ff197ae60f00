export * from './event-store';
export * from './errors';
export { createEventStore, type EventStoreConfig } from './create-event-store';
export { openSqliteEventStore, SqliteEventStore, type SqliteEventStoreOptions } from './sqlite';
export { backoffMs, pause, retry, type BackoffPolicy } from './backoff';
