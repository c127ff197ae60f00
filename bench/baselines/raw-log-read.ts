import Database from 'better-sqlite3';
import { eventsFilePath } from '@registry/event-store/sqlite/schema';

/**
 * Row 3's floor: every row of the embedded log read straight from its file, in position order, with its
 * data and metadata JSON-parsed, and nothing else: what any rebuild has to do at least.
 */
export function rawLogRead(dataDir: string): { events: number; seconds: number } {
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
    const started = performance.now();
    let events = 0;
    let objects = 0;
    for (const row of rows.iterate()) {
      const data: unknown = JSON.parse(row[5]);
      const metadata: unknown = JSON.parse(row[6]);
      // Uses the parses, so that no engine may skip them as dead code.
      if (typeof data === 'object' && typeof metadata === 'object') objects += 1;
      events += 1;
    }
    const seconds = (performance.now() - started) / 1000;
    if (objects !== events) throw new Error('a log row held something other than JSON objects');
    return { events, seconds };
  } finally {
    db.close();
  }
}
