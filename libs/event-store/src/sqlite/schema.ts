import type Database from 'better-sqlite3';
import { join } from 'node:path';

export const EVENTS_FILE = 'events.sqlite3';
export const LOCK_FILE = 'registry.lock';
export const LOCK_HOLDER_FILE = 'registry.lock.holder.json';

export function eventsFilePath(dataDir: string): string {
  return join(dataDir, EVENTS_FILE);
}

/**
 * `position` is the rowid: SQLite gives max(rowid)+1 and rows are never deleted, so positions start at 1
 * and grow strictly. A single writer commits transactions one after another, so a reader never sees a
 * position without every smaller one.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY,
  stream      TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  id          TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream, revision);
CREATE INDEX IF NOT EXISTS events_by_id ON events (id);
`;

/** The writer's connection: it owns the schema and every write. */
export function prepareWriterConnection(db: Database.Database): void {
  // WAL + synchronous=FULL: each COMMIT fsyncs the WAL before it returns, so an acknowledged append
  // survives a power cut. NORMAL would only protect against a process crash.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = OFF');
  db.exec(SCHEMA);
}

/** Readers share the file through WAL snapshots and must never write. */
export function prepareReaderConnection(db: Database.Database): void {
  db.pragma('query_only = ON');
  // Larger page cache: catch-up reads of a big log scan the table in position order.
  db.pragma('cache_size = -65536');
}
