import Database from 'better-sqlite3';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

/** SQLite's codes for a file that is not, or no longer, a sound database. */
const CORRUPTION_CODES = /^SQLITE_(CORRUPT|NOTADB)/;
/** Codes of a write the disk refused (full, quota, ulimit, I/O): nothing is wrong with the data, try later. */
const STORAGE_CODES = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN)/;

function sqliteCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/** The read-model file is damaged: it must be moved aside and rebuilt from the log. A document that no longer
 * parses (bytes changed inside a record) counts too. */
export function isReadModelCorruption(error: unknown): boolean {
  return CORRUPTION_CODES.test(sqliteCode(error)) || error instanceof SyntaxError;
}

/** The disk refused a write to the read models; retrying after a pause may succeed once space returns. */
export function isStorageFailure(error: unknown): boolean {
  return STORAGE_CODES.test(sqliteCode(error)) || ['ENOSPC', 'EDQUOT', 'EFBIG', 'EIO'].includes(sqliteCode(error));
}

/**
 * `PRAGMA quick_check` on its own short-lived connection, so the live connection starts with a cold cache and
 * meets any damage the check missed on disk, where it raises SQLITE_CORRUPT. Null when the file is sound;
 * otherwise what is wrong, in SQLite's words.
 */
export function quickCheckReadModelFile(file: string): string | null {
  let db: Database.Database | undefined;
  try {
    // Read-write: a WAL left by a crash is replayed before the check, as the live connection would.
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    const rows = db.pragma('quick_check(5)', { simple: false }) as Array<{ quick_check: string }>;
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
    return problems.length === 0 ? null : problems.join('; ');
  } catch (error) {
    if (isReadModelCorruption(error)) return error instanceof Error ? error.message : String(error);
    // Held by another process: opening it for real reports that (ReadModelsInUseError).
    if (/^SQLITE_(BUSY|LOCKED)/.test(sqliteCode(error))) return null;
    throw error;
  } finally {
    db?.close();
  }
}

/** Beside the file: its identity (inode, size, modification time) when a registry last closed it cleanly. */
const CLEAN_MARK = '.closed-cleanly';

function identityOf(file: string): string {
  const stat = statSync(file, { bigint: true });
  return JSON.stringify({ ino: stat.ino.toString(), size: stat.size.toString(), mtimeNs: stat.mtimeNs.toString() });
}

/** After the live connection closed (its WAL folded into the file): the file as it is now was left whole. */
export function markClosedCleanly(file: string): void {
  writeFileSync(`${file}${CLEAN_MARK}`, identityOf(file), { mode: 0o600 });
}

/**
 * True when the file is exactly as a clean stop left it (same inode, size and modification time, no WAL
 * beside it): its `quick_check` at start, which reads the whole file (about a second per 100 MB on the shared
 * 2-core machine, issue 18), would find what it found then. Anything that wrote to the file since, a crash
 * included (the mark is consumed at every start), sends it through the check. Damage that keeps the file's
 * modification time is still met at run time (SQLITE_CORRUPT, the sampler).
 */
export function consumeCleanMark(file: string): boolean {
  const mark = `${file}${CLEAN_MARK}`;
  try {
    const left = readFileSync(mark, 'utf8');
    rmSync(mark, { force: true });
    return !existsSync(`${file}-wal`) && left === identityOf(file);
  } catch {
    rmSync(mark, { force: true });
    return false;
  }
}

/** Drops the mark: the file is being replaced or set aside. */
export function dropCleanMark(file: string): void {
  rmSync(`${file}${CLEAN_MARK}`, { force: true });
}

/**
 * Moves a damaged read-model file to `<file>.corrupt` (replacing an older one: one copy is kept for whoever
 * wants to look at it, never a growing pile) and drops its journals, so the next open starts empty.
 */
export function moveReadModelFileAside(file: string): string {
  const aside = `${file}.corrupt`;
  dropCleanMark(file);
  rmSync(aside, { force: true });
  if (existsSync(file)) renameSync(file, aside);
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
  return aside;
}
