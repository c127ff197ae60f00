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

/** Runs a TypeScript file of this repository in a fresh Node process, with the `@registry/*` aliases resolved. */
export function spawnTypeScript(entry: string, env: Record<string, string>): ChildProcess {
  return spawnTypeScriptSource(entry, env, ALIASES);
}
