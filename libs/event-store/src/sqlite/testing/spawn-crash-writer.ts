import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CrashWriterLine } from './crash-probe';
import { readLines, spawnTypeScript } from './typescript-child';

export interface CrashWriter {
  child: ChildProcess;
  /** Complete lines only: a line cut short by the kill is no promise. */
  lines: CrashWriterLine[];
  /** Resolves when a line of that kind arrives, or with undefined if the process ends first. */
  waitFor(kind: CrashWriterLine['kind']): Promise<CrashWriterLine | undefined>;
  /** SIGKILL, and every line it printed read. */
  kill(): Promise<void>;
  stderr(): string;
}

export function spawnCrashWriter(dataDir: string, options: { writers: number; maxAppends: number }): CrashWriter {
  const child = spawnTypeScript(join(__dirname, 'crash-writer.ts'), {
    CRASH_DATA_DIR: dataDir,
    CRASH_WRITERS: String(options.writers),
    CRASH_MAX_APPENDS: String(options.maxAppends),
  });
  const output = readLines<CrashWriterLine>(child);
  const find = (kind: CrashWriterLine['kind']): CrashWriterLine | undefined => output.lines.find((line) => line.kind === kind);
  return {
    child,
    lines: output.lines,
    waitFor: async (kind) => {
      await output.waitFor((line) => line.kind === kind);
      return find(kind);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await output.closed;
    },
    stderr: output.stderr,
  };
}
