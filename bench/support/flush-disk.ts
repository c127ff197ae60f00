import { execFileSync } from 'node:child_process';

/**
 * Writes the kernel's dirty pages to disk (sync(1)) before a timed section that reads a big file: just after
 * loading a million certificates, gigabytes of write-back would otherwise compete with what is measured.
 * The page cache is kept: starts and rebuilds are timed warm, as on a server that just wrote its data.
 */
export function flushDirtyPages(): void {
  try {
    execFileSync('sync', { stdio: 'ignore', timeout: 120_000 });
  } catch {
    // No sync(1) here: the measurement simply runs with whatever write-back is pending.
  }
}
