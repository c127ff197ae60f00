import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { typeScriptBootstrap } from '../../../libs/event-store/src/sqlite/typescript-source-loader';

const ROOT = resolve(__dirname, '../../..');

/** tsconfig's path aliases, for a process that loads the sources without jest. */
const ALIASES = `
const { join } = require('node:path');
const Module = require('node:module');
const resolveFilename = Module._resolveFilename;
const alias = /^@registry\\/(domain|event-store|projections)(\\/.*)?$/;
Module._resolveFilename = function (request, ...rest) {
  const match = alias.exec(request);
  const target = match ? join(${JSON.stringify(ROOT)}, 'libs', match[1], 'src', match[2] ?? '') : request;
  return resolveFilename.call(this, target, ...rest);
};
`;

/** Runs a TypeScript file of this repository in a fresh Node process, as jest would load it. */
export function spawnTypeScript(entry: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-e', ALIASES + typeScriptBootstrap(join(entry))], {
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
