import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A port nobody listens on right now (the child binds it a moment later; loopback only). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface MemorySample {
  rssBytes: number;
  /** The peak resident set so far (VmHWM). */
  peakRssBytes: number;
  heapUsedBytes: number | null;
  heapTotalBytes: number | null;
}

/** A Node child process with its output in a log file, an IPC channel for the memory probe, and a bounded stop. */
export class NodeChild {
  readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    private readonly child: ChildProcess,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) => {
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      });
    });
  }

  static start(script: string, options: { args?: string[]; nodeArgs?: string[]; env: NodeJS.ProcessEnv; logFile: string; cwd?: string }): NodeChild {
    const out = openSync(options.logFile, 'a');
    try {
      const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...(options.args ?? [])], {
        cwd: options.cwd,
        env: options.env,
        stdio: ['ignore', out, out, 'ipc'],
      });
      return new NodeChild(child, options.logFile);
    } finally {
      closeSync(out);
    }
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** The last lines the child wrote, for error messages. */
  tail(lines = 8): string {
    try {
      return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** RSS from /proc; the heap from the probe preloaded with --require, when there is one. */
  async memory(): Promise<MemorySample> {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    const heap = await this.ask<{ heapUsed: number; heapTotal: number }>('memory', 2000);
    return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM'), heapUsedBytes: heap?.heapUsed ?? null, heapTotalBytes: heap?.heapTotal ?? null };
  }

  /** SIGTERM, then SIGKILL if the child has not exited within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), graceMs).unref());
    if ((await Promise.race([this.exited, timer])) === 'late') {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  private ask<T>(question: string, timeoutMs: number): Promise<T | null> {
    if (!this.child.connected) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.child.off('message', onMessage);
        resolve(null);
      }, timeoutMs);
      const onMessage = (message: unknown): void => {
        if (typeof message !== 'object' || message === null || (message as { answer?: unknown }).answer !== question) return;
        clearTimeout(timer);
        this.child.off('message', onMessage);
        resolve((message as { value: T }).value);
      };
      this.child.on('message', onMessage);
      this.child.send(question);
    });
  }
}

/** Polls `check` every `intervalMs` until it returns a value, the child dies, or `timeoutMs` passes. */
export async function waitFor<T>(child: NodeChild, timeoutMs: number, check: () => Promise<T | undefined>, intervalMs = 25): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let lastError = '';
  while (performance.now() < deadline) {
    if (!child.running) throw new Error(`the process exited before it was ready:\n${child.tail()}`);
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`not ready after ${Math.round(timeoutMs / 1000)} s${lastError === '' ? '' : `: ${lastError}`}`);
}
