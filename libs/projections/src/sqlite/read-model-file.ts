import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ReadModelsInUseError } from '../errors';

/** The read models' own SQLite file in the data directory, beside (never inside) the event log: it can be
 * deleted or rebuilt at any time, and each replica keeps its own even when the log is in EventStoreDB. */
export const READ_MODELS_FILE = 'read-models.sqlite';

export function readModelsPath(dataDir: string): string {
  return join(dataDir, READ_MODELS_FILE);
}

/**
 * `live`: the file the registry serves from. WAL with synchronous=NORMAL: a crash may lose the last
 * commits but never splits one, and each commit carries its checkpoint, so the projections simply re-apply
 * what was lost. `bulk`: a fresh file being rebuilt under a private name, thrown away if the rebuild dies:
 * no fsync, and no exclusive lock, so the rebuild's reader can look up what its writer thread committed.
 */
export type ReadModelFileMode = 'live' | 'bulk';

/**
 * Opens the file; in `live` mode it holds an exclusive lock on it until closed: one writer per read-model
 * file, so a second registry or a rebuild on the same directory is refused instead of corrupting the
 * checkpoints. The lock is SQLite's own (fcntl), so the kernel drops it when the holder dies.
 */
export function openReadModelFile(file: string, mode: ReadModelFileMode): Database.Database {
  // With the log in EventStoreDB nothing else creates the data directory: the read models are its only file.
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 0 });
  try {
    if (mode === 'live') db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = WAL');
    db.pragma(mode === 'live' ? 'synchronous = NORMAL' : 'synchronous = OFF');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    // The exclusive lock is taken by the first write, so write at once rather than at the first event.
    db.exec('CREATE TABLE IF NOT EXISTS read_model_owner (id INTEGER PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL)');
    db.prepare('INSERT INTO read_model_owner (id, pid) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET pid = excluded.pid').run(process.pid);
    return db;
  } catch (error) {
    db.close();
    if (isBusy(error)) {
      throw new ReadModelsInUseError(
        `The read models in ${file} are in use by another process (a running registry or a rebuild). ` +
          'Stop it first, or point REGISTRY_DATA_DIR at another directory.',
      );
    }
    throw error;
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
