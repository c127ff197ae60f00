import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function withTempDir<T>(prefix: string, use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `registry-bench-${prefix}-`));
  try {
    return await use(dir);
  } finally {
    // emmett's sqlite3 closes its handles without a callback to wait for: removing asynchronously, with
    // retries, lets those closes finish (and delete their WAL files) instead of racing them.
    await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}
