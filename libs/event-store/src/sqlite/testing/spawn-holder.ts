import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export type HolderLine =
  | { kind: 'opened'; pid: number }
  | { kind: 'refused'; message: string }
  | { kind: 'acknowledged'; id: string }
  | { kind: 'holding' }
  | { kind: 'released' };

export interface Holder {
  child: ChildProcess;
  lines: HolderLine[];
  /** Resolves with the first line of that kind (or rejects if the process ends first). */
  waitFor<K extends HolderLine['kind']>(kind: K): Promise<Extract<HolderLine, { kind: K }>>;
  exited: Promise<number | null>;
}

/** Another OS process opening the same data directory through the real store. */
export function spawnHolder(dataDir: string, appends = 0): Holder {
  const script = join(__dirname, 'hold-data-dir.ts');
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, HOLD_DATA_DIR: dataDir, HOLD_APPENDS: String(appends) },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: HolderLine[] = [];
  const waiters: Array<() => void> = [];
  let ended = false;
  createInterface({ input: child.stdout! }).on('line', (text) => {
    lines.push(JSON.parse(text) as HolderLine);
    waiters.splice(0).forEach((wake) => wake());
  });
  const exited = new Promise<number | null>((resolve) =>
    // 'close', not 'exit': every line the process printed has been read by then.
    child.once('close', (code) => {
      ended = true;
      waiters.splice(0).forEach((wake) => wake());
      resolve(code);
    }),
  );
  const waitFor = async <K extends HolderLine['kind']>(kind: K): Promise<Extract<HolderLine, { kind: K }>> => {
    for (;;) {
      const found = lines.find((line): line is Extract<HolderLine, { kind: K }> => line.kind === kind);
      if (found !== undefined) return found;
      if (ended) throw new Error(`holder process ended without "${kind}"; it said ${JSON.stringify(lines)}`);
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { child, lines, waitFor, exited };
}
