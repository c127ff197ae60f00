import Database from 'better-sqlite3';
import { eventsFilePath, prepareWriterConnection } from '@registry/event-store/sqlite/schema';
import type { AppendWorkload } from '../support/append-workload';
import { collectGarbage } from '../support/collect-garbage';

export interface AppendRun {
  appends: number;
  seconds: number;
  perSecond: number;
}

/**
 * The floor for the embedded store: the same rows into the same table, indexes and pragmas (WAL,
 * synchronous=FULL), straight through better-sqlite3 on this thread, with no revision check, no queue, no
 * worker. `rowsPerCommit` rows share one transaction: the writers' k-th events together, as a perfect
 * group commit would.
 */
export function rawInserts(dataDir: string, workload: AppendWorkload, rowsPerCommit: number): AppendRun {
  const db = new Database(eventsFilePath(dataDir));
  try {
    prepareWriterConnection(db);
    const insert = db.prepare('INSERT INTO events (stream, revision, id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    type Row = [string, number, string, string, string, string, number];
    const commit = db.transaction((rows: Row[]) => {
      for (const row of rows) insert.run(...row);
    }).immediate;
    const writers = workload.streams.length;
    const perWriter = workload.events[0]?.length ?? 0;
    collectGarbage();
    const started = performance.now();
    let pending: Row[] = [];
    for (let k = 0; k < perWriter; k += 1) {
      for (let w = 0; w < writers; w += 1) {
        const event = workload.events[w][k];
        pending.push([workload.streams[w], k, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), Date.now()]);
        if (pending.length === rowsPerCommit) {
          commit(pending);
          pending = [];
        }
      }
    }
    if (pending.length > 0) commit(pending);
    const seconds = (performance.now() - started) / 1000;
    return { appends: workload.total, seconds, perSecond: workload.total / seconds };
  } finally {
    db.close();
  }
}

