import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { typeScriptBootstrap } from '../typescript-source-loader';
import type { CrashWriterLine } from './crash-probe';

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
  const script = join(__dirname, 'crash-writer.ts');
  const child = spawn(process.execPath, ['-e', typeScriptBootstrap(script)], {
    env: {
      ...process.env,
      CRASH_DATA_DIR: dataDir,
      CRASH_WRITERS: String(options.writers),
      CRASH_MAX_APPENDS: String(options.maxAppends),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: CrashWriterLine[] = [];
  const waiters: Array<() => void> = [];
  const wake = (): void => waiters.splice(0).forEach((w) => w());
  let buffered = '';
  let errors = '';
  let ended = false;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const text of complete) if (text !== '') lines.push(JSON.parse(text) as CrashWriterLine);
    wake();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  // 'close', not 'exit': by then both pipes are drained.
  const closed = new Promise<void>((resolve) =>
    child.once('close', () => {
      ended = true;
      wake();
      resolve();
    }),
  );
  const waitFor = async (kind: CrashWriterLine['kind']): Promise<CrashWriterLine | undefined> => {
    for (;;) {
      const found = lines.find((line) => line.kind === kind);
      if (found !== undefined || ended) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return {
    child,
    lines,
    waitFor,
    kill: async () => {
      child.kill('SIGKILL');
      await closed;
    },
    stderr: () => errors,
  };
}
