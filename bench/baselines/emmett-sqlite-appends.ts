import { createRequire } from 'node:module';
import { join } from 'node:path';
import { collectGarbage } from '../support/collect-garbage';
import { findUp } from '../support/find-up';
import type { AppendWorkload } from '../support/append-workload';
import type { AppendRun } from './raw-sqlite-appends';

/** The part of @event-driven-io/emmett-sqlite this baseline drives (typed here so that the bench builds
 * without the package). */
interface EmmettEvent {
  type: string;
  data: unknown;
  metadata?: unknown;
}
interface EmmettSqliteEventStore {
  appendToStream(stream: string, events: EmmettEvent[], options: { expectedStreamVersion: bigint }): Promise<unknown>;
}
interface EmmettSqliteConnection {
  querySingle<T>(sql: string): Promise<T | null>;
  close(): void;
}
export interface EmmettSqliteModule {
  getSQLiteEventStore(options: { fileName: string }): EmmettSqliteEventStore;
  sqliteConnection(options: { fileName: string }): EmmettSqliteConnection;
}

export const EMMETT_PACKAGE = '@event-driven-io/emmett-sqlite';
/** Its own package folder, out of the registry's tree (see its package.json for why). */
const BASELINE_FOLDER = join('bench', 'baselines', 'emmett-sqlite');

/** Loads emmett-sqlite from bench/baselines/emmett-sqlite, or says why it cannot. */
export function loadEmmett(): EmmettSqliteModule | string {
  const manifest = findUp(__dirname, join(BASELINE_FOLDER, 'package.json'));
  if (manifest === null) return `${BASELINE_FOLDER}/package.json not found`;
  try {
    return createRequire(manifest)(EMMETT_PACKAGE) as EmmettSqliteModule;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `${EMMETT_PACKAGE} is not installed (npm ci --prefix ${BASELINE_FOLDER}): ${reason}`;
  }
}

/** What emmett-sqlite 0.38.5 throws now and then under CPU contention: its `INSERT ... RETURNING` statement
 * (sqlite3's db.get) is finalized asynchronously, and COMMIT can run before it is. The append was rolled back. */
function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

const ATTEMPTS = 5;

/**
 * The same appends through emmett's SQLite event store, one file, its default settings (WAL; a fresh
 * sqlite3 connection's synchronous=FULL, read back in `durability`). Its store keeps one connection that
 * it closes after every call, and issues BEGIN IMMEDIATE with no busy timeout: concurrent calls on one
 * store fail with SQLITE_MISUSE, and separate stores on one file fail with SQLITE_BUSY. So the writers
 * take turns through one store: the only way it accepts 64 concurrent callers. An append that fails with a
 * transient SQLITE_BUSY is retried, as a caller would, and counted.
 */
export async function emmettAppends(
  emmett: EmmettSqliteModule,
  dataDir: string,
  workload: AppendWorkload,
): Promise<AppendRun & { durability: string; retries: number }> {
  const fileName = join(dataDir, 'emmett.sqlite3');
  const store = emmett.getSQLiteEventStore({ fileName });
  let retries = 0;
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = turn.then(work);
    turn = result.catch(() => undefined);
    return result;
  };
  const appendWithRetries = async (stream: string, event: EmmettEvent, expectedStreamVersion: bigint): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await inTurn(() => store.appendToStream(stream, [event], { expectedStreamVersion }));
        return;
      } catch (error) {
        if (!isTransient(error) || attempt === ATTEMPTS) throw error;
        retries += 1;
      }
    }
  };
  const perWriter = workload.events[0]?.length ?? 0;
  const writer = async (w: number): Promise<void> => {
    for (let k = 0; k < perWriter; k += 1) {
      const { type, data, metadata } = workload.events[w][k];
      // emmett counts versions from 1; 0 means "no stream yet".
      await appendWithRetries(workload.streams[w], { type, data, metadata }, BigInt(k));
    }
  };
  collectGarbage();
  const started = performance.now();
  await Promise.all(workload.streams.map((_, w) => writer(w)));
  const seconds = (performance.now() - started) / 1000;

  const connection = emmett.sqliteConnection({ fileName });
  try {
    const journal = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
    const synchronous = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
    const durability = `journal_mode=${journal?.journal_mode ?? '?'}, synchronous=${synchronous?.synchronous ?? '?'}`;
    return { appends: workload.total, seconds, perSecond: workload.total / seconds, durability, retries };
  } finally {
    connection.close();
  }
}
