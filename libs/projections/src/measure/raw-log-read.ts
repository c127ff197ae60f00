import Database from 'better-sqlite3';
import { eventsFilePath } from '@registry/event-store/sqlite/schema';

export interface RawReadResult {
  events: number;
  seconds: number;
}

/**
 * The baseline a rebuild is measured against: every row of the embedded log read straight from its SQLite
 * file and its data and metadata JSON-parsed, nothing else. Read-only, so it may run beside a rebuild's
 * store (WAL readers do not block).
 */
export function rawReadAndParse(dataDir: string): RawReadResult {
  const db = new Database(eventsFilePath(dataDir), { readonly: true, fileMustExist: true });
  try {
    db.pragma('cache_size = -65536');
    const rows = db
      .prepare<[], [bigint, string, bigint, string, string, string, string, bigint]>(
        'SELECT position, stream, revision, id, type, data, metadata, recorded_at FROM events ORDER BY position',
      )
      .raw(true)
      .safeIntegers(true);
    const started = process.hrtime.bigint();
    let events = 0;
    let sink = 0;
    for (const row of rows.iterate()) {
      const data: unknown = JSON.parse(row[5]);
      const metadata: unknown = JSON.parse(row[6]);
      // Keeps the parses observable so no engine can drop them as dead code.
      if (data !== null && metadata !== null) sink += 1;
      events += 1;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (sink !== events) throw new Error('a log row held JSON null');
    return { events, seconds };
  } finally {
    db.close();
  }
}
