import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Runs a TypeScript file of this repository in a fresh Node process, with `args` as its command line. It loads
 * the sources through the ts-node and tsconfig-paths preloads that jest's setup puts in NODE_OPTIONS
 * (test/support/typescript-in-children.ts), which the child inherits with the environment.
 */
export function spawnTypeScript(entry: string, env: Record<string, string>, args: readonly string[] = []): ChildProcess {
  return spawn(process.execPath, [entry, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A child's stdout as complete JSON lines (a line cut short by a kill is dropped), and its stderr. */
export interface ChildLines<Line> {
  lines: Line[];
  stderr(): string;
  /** Resolves once `count` lines satisfy `test`, or when the process ends. */
  waitFor(test: (line: Line) => boolean, count?: number): Promise<void>;
  /** Resolves on 'close', not 'exit': by then both pipes are drained. */
  closed: Promise<void>;
}

export function readLines<Line>(child: ChildProcess): ChildLines<Line> {
  const lines: Line[] = [];
  const waiters: Array<() => void> = [];
  const wake = (): void => waiters.splice(0).forEach((w) => w());
  let buffered = '';
  let errors = '';
  let ended = false;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const complete = (buffered + chunk).split('\n');
    buffered = complete.pop() ?? '';
    for (const text of complete) if (text !== '') lines.push(JSON.parse(text) as Line);
    wake();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const closed = new Promise<void>((done) =>
    child.once('close', () => {
      ended = true;
      wake();
      done();
    }),
  );
  return {
    lines,
    stderr: () => errors,
    closed,
    waitFor: async (test, count = 1) => {
      while (!ended && lines.filter(test).length < count) await new Promise<void>((w) => waiters.push(w));
    },
  };
}
