import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { EventStoreUnavailableError } from '../errors';
import { EVENTS_FILE, LOCK_FILE, LOCK_HOLDER_FILE } from './schema';

export interface DataDirLock {
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

/**
 * One process per data directory. The lock is an exclusive SQLite lock on a side file, held for as long as
 * the connection is open: it is an fcntl lock, so the kernel drops it the moment the holder dies, even by
 * SIGKILL or power loss — nothing stale is left to clean up. The holder file only explains who holds it.
 *
 * A lock file can be deleted under its holder, and a new one locked by a second process. So the log itself
 * is checked too: every connection to a WAL database holds a shared lock on the database file for as long
 * as it is open, so an exclusive lock on `events.sqlite3` is refused while any other process has the log
 * open — whatever happened to the side file. The check holds that lock only for the moment it takes.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const directory = resolve(dataDir);
  const db = new Database(join(directory, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER, host TEXT, since TEXT)');
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw new EventStoreUnavailableError(refusal(directory));
    throw error;
  }
  if (logOpenElsewhere(join(directory, EVENTS_FILE))) {
    db.close();
    throw new EventStoreUnavailableError(
      `${refusal(directory)} (Its event log ${EVENTS_FILE} is open in another process although ${LOCK_FILE} was free: the lock file was removed under a running registry.)`,
    );
  }
  const holder: Holder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(join(directory, LOCK_HOLDER_FILE), `${JSON.stringify(holder)}\n`);
  return { release: () => db.close() };
}

function logOpenElsewhere(eventsFile: string): boolean {
  if (!existsSync(eventsFile)) return false;
  const probe = new Database(eventsFile, { timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
    return false;
  } catch (error) {
    if (isBusy(error)) return true;
    throw error;
  } finally {
    probe.close();
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

function refusal(directory: string): string {
  const holder = readHolder(directory);
  const who = holder === undefined ? 'another process' : `process ${holder.pid} on ${holder.host} (since ${holder.since})`;
  return (
    `The data directory ${directory} is already in use by ${who}. ` +
    'The embedded event store allows one process per data directory: stop the other registry, ' +
    'or set REGISTRY_DATA_DIR to another directory, or run several replicas on EventStoreDB ' +
    '(EVENTSTORE_CONNECTION_STRING).'
  );
}

function readHolder(directory: string): Holder | undefined {
  try {
    return JSON.parse(readFileSync(join(directory, LOCK_HOLDER_FILE), 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}
