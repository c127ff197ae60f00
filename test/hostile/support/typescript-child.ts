import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { spawnTypeScript as spawnTypeScriptSource } from '../../../libs/event-store/src/sqlite/testing/typescript-child';

export { readLines, type ChildLines } from '../../../libs/event-store/src/sqlite/testing/typescript-child';

const ROOT = resolve(__dirname, '../../..');

/** tsconfig's path aliases, for a process that loads the sources without jest. */
const ALIASES = `
const { join } = require('node:path');
const Module = require('node:module');
const resolveFilename = Module._resolveFilename;
const alias = /^@registry\\/(domain|event-store|projections|tlog)(\\/.*)?$/;
Module._resolveFilename = function (request, ...rest) {
  const match = alias.exec(request);
  const target = match ? join(${JSON.stringify(ROOT)}, 'libs', match[1], 'src', match[2] ?? '') : request;
  return resolveFilename.call(this, target, ...rest);
};
`;

/** Runs a TypeScript file of this repository in a fresh Node process, with the `@registry/*` aliases resolved
 * and `args` as its command line (a script's options). */
export function spawnTypeScript(entry: string, env: Record<string, string>, args: readonly string[] = []): ChildProcess {
  return spawnTypeScriptSource(entry, env, ALIASES, args);
}

/** Runs one of the repository's commands (scripts/<name>.ts, what `npm run <name>` runs once built) to its end. */
export async function runScript(name: string, args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnTypeScript(resolve(ROOT, 'scripts', `${name}.ts`), env, args);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((done) => child.once('close', done));
  return { code, stdout, stderr };
}
