import { join, resolve } from 'node:path';
import { HttpClient } from '../../support/http-client';
import { readLines, spawnTypeScript } from './typescript-child';

/** `npm start` as a separate process (from the sources), with every line it logs kept. */
export interface RegistryChild {
  http: HttpClient;
  /** The process id, to read its memory and CPU time from /proc. */
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then wait for it to end; resolves with the whole output. */
  stop(): Promise<string>;
}

export async function startRegistryChild(env: Record<string, string>): Promise<RegistryChild> {
  const main = resolve(__dirname, '../../../apps/registry/src/main.ts');
  const child = spawnTypeScript(join(main), { HOST: '127.0.0.1', PORT: '0', ...env });
  let raw = '';
  child.stdout!.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
  const lines = readLines<{ msg?: string }>(child);
  await lines.waitFor((line) => typeof line.msg === 'string' && line.msg.startsWith('Server listening at'));
  const listening = lines.lines.find((line) => line.msg?.startsWith('Server listening at'));
  if (listening?.msg === undefined) throw new Error(`the registry did not start: ${raw}${lines.stderr()}`);
  const url = listening.msg.replace('Server listening at ', '');
  return {
    http: new HttpClient(url),
    pid: child.pid!,
    output: () => raw + lines.stderr(),
    stop: async () => {
      child.kill('SIGTERM');
      await lines.closed;
      return raw + lines.stderr();
    },
  };
}
