import Database from 'better-sqlite3';
import { eventsFilePath } from '@registry/event-store/sqlite/schema';

export interface RawReadResult {
  events: number;
  seconds: number;
}

/**
 * The baseline a rebuild is measured against (rebuild --compare-raw, and the bench's row 3 floor): every row
 * of the embedded log read straight from its SQLite file, in position order, with its data and metadata
 * JSON-parsed, nothing else: what any rebuild has to do at least. Read-only, so it may run beside a
 * rebuild's store (WAL readers do not block).
 */
export function rawReadAndParse(dataDir: string): RawReadResult {
  const db = new Database(eventsFilePath(dataDir), { readonly: true, fileMustExist: true });
  try {
    // The same page cache the store's reader asks for.
    db.pragma('cache_size = -65536');
    const rows = db
      .prepare<[], [bigint, string, bigint, string, string, string, string, bigint]>(
        'SELECT position, stream, revision, id, type, data, metadata, recorded_at FROM events ORDER BY position',
      )
      .raw(true)
      .safeIntegers(true);
    const started = process.hrtime.bigint();
    let events = 0;
    let objects = 0;
    for (const row of rows.iterate()) {
      const data: unknown = JSON.parse(row[5]);
      const metadata: unknown = JSON.parse(row[6]);
      // Keeps the parses observable so no engine can drop them as dead code.
      if (isObject(data) && isObject(metadata)) objects += 1;
      events += 1;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (objects !== events) throw new Error('a log row held something other than JSON objects');
    return { events, seconds };
  } finally {
    db.close();
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
