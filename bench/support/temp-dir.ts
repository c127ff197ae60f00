import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `registry-bench-${prefix}-`));
  try {
    return await use(dir);
  } finally {
    // A library that closes its SQLite handle asynchronously (emmett's sqlite3) may still be removing its
    // WAL files: retry instead of failing the row.
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}
