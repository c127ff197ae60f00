import { resolve } from 'node:path';
import { spawnTypeScript } from '../../../libs/event-store/src/sqlite/testing/typescript-child';

export { readLines, spawnTypeScript, type ChildLines } from '../../../libs/event-store/src/sqlite/testing/typescript-child';

const ROOT = resolve(__dirname, '../../..');

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
