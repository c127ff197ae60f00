import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openSqliteEventStore } from './sqlite-event-store';
import { makeTempDataDir } from './testing/temp-data-dir';

describe('An embedded store left open', () => {
  const dir = makeTempDataDir('lifetime');

  afterAll(() => dir.remove());

  it('does not keep its process alive once idle, and its events and lock survive that exit', async () => {
    const child = spawn(process.execPath, [join(__dirname, 'testing', 'open-and-forget.ts')], {
      env: { ...process.env, HOLD_DATA_DIR: dir.dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);

    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
      child.once('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal])),
    );
    clearTimeout(timer);

    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(JSON.parse(output)).toMatchObject({ kind: 'exiting', seen: ['Forgotten'] });
    const store = await openSqliteEventStore({ dataDir: dir.dataDir });
    try {
      expect((await store.readStream('forgotten')).map((e) => e.type)).toEqual(['Forgotten']);
    } finally {
      await store.close();
    }
  }, 30_000);
});
