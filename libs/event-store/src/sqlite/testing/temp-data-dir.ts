import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory under the OS temp dir, and its removal. */
export function makeTempDataDir(purpose: string): { dataDir: string; remove(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), `registry-${purpose}-`));
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}
