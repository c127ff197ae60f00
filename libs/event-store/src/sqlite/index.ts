export { openSqliteEventStore, SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';
export type { WriterStats } from './writer-client';
