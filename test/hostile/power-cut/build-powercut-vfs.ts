import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';

/**
 * Compiles powercut-vfs.c with the machine's C compiler into `outDir`, against the sqlite3.h and sqlite3ext.h
 * that better-sqlite3 bundles with its own SQLite (deps/sqlite3): the extension binds to that library through
 * its API table, so its headers must be that version's, not the system's older ones. Returns the .so path.
 */
export function buildPowerCutVfs(outDir: string): string {
  const headers = join(dirname(require.resolve('better-sqlite3/package.json')), 'deps', 'sqlite3');
  // The name gives SQLite the entry point: powercut.so → sqlite3_powercut_init.
  const output = join(outDir, 'powercut.so');
  const compiler = process.env.CC ?? 'gcc';
  try {
    execFileSync(compiler, ['-shared', '-fPIC', '-O2', '-Wall', '-Wextra', '-Werror', '-I', headers, '-o', output, join(__dirname, 'powercut-vfs.c'), '-lpthread'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`the power-cut suite needs a C compiler (${compiler}) to build its SQLite VFS: ${stderr || String(error)}`);
  }
  return output;
}
