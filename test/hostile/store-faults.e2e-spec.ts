import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../../eventstore/test-server';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { describeOnEventStoreDb } from '../support/test-store';
import { TEST_KEY_SECRET } from '../support/in-process-registry';
import { errorCodes, graphql } from './support/graphql-calls';
import { startRegistryChild, type RegistryChild } from './support/registry-child';
import { spawnTypeScript } from './support/typescript-child';
import { ADMIN_KEY } from './support/world';

const REGISTER_SCHEME = 'mutation($input: RegisterSchemeInput!) { registerScheme(input: $input) { position replayed } }';
const HISTORY = 'query($stream: String!) { history(stream: $stream) { type } }';
const REQUEST_TIMEOUT_MS = 1_000;

/** One POST on a connection of its own; everything the server wrote on it until it closed (or `waitMs`). */
function rawPost(port: number, path: string, body: string, waitMs: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    const done = (): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(done, waitMs);
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.on('close', done).on('error', done);
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: registry\r\nContent-Type: application/json\r\n` +
        `Authorization: Bearer ${ADMIN_KEY}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
}

describeOnEventStoreDb('The registry when its EventStoreDB stops answering or goes away', () => {
  let server: TestServer;
  let proxy: FaultProxy;
  let registry: RegistryChild;
  let dataDir: string;

  beforeAll(async () => {
    server = await startTestServer({ port: 0 });
    proxy = await startFaultProxy(server);
    dataDir = mkdtempSync(join(tmpdir(), 'registry-store-faults-'));
    registry = await startRegistryChild({
      EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${proxy.port}?tls=false`,
      REGISTRY_DATA_DIR: dataDir,
      REGISTRY_ADMIN_KEY: ADMIN_KEY,
      REGISTRY_KEY_SECRET: TEST_KEY_SECRET,
      REGISTRY_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
      LOG_LEVEL: 'info',
    });
  }, 60_000);

  afterAll(async () => {
    await registry?.stop();
    await proxy?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(() => proxy.heal());

  it('answers a request once: the deadline answers while the store holds its reply, and the late answer is dropped', async () => {
    const commandId = randomUUID();
    const input = { code: `HELD-${commandId.slice(0, 8)}`, title: 'Held past the deadline', commandId };
    const port = Number(new URL(registry.http.baseUrl).port);
    proxy.freeze();

    const held = rawPost(port, '/graphql', JSON.stringify({ query: REGISTER_SCHEME, variables: { input } }), REQUEST_TIMEOUT_MS * 3);
    setTimeout(() => proxy.heal(), REQUEST_TIMEOUT_MS * 2);
    const wire = await held;
    // The late work completes (a retry with the same commandId finds it recorded), and its answer has had its chance.
    let retried = await graphql(registry.http, REGISTER_SCHEME, { input }, ADMIN_KEY);
    for (let attempt = 0; retried.data?.registerScheme === undefined && attempt < 40; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      retried = await graphql(registry.http, REGISTER_SCHEME, { input }, ADMIN_KEY);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(wire.match(/^HTTP\/1\.1 \d{3}/gm)).toEqual(['HTTP/1.1 503']);
    expect(wire).toContain('"reason":"TIMEOUT"');
    expect(retried).toMatchObject({ data: { registerScheme: { replayed: true } } });
    expect(registry.output()).not.toMatch(/already sent/i);
  }, 20_000);

  it('answers SERVICE_UNAVAILABLE to mutations and history while the store is gone, with no stack trace in the log', async () => {
    const logBefore = registry.output().length;
    proxy.down();

    const mutation = await graphql(registry.http, REGISTER_SCHEME, { input: { code: `DOWN-${randomUUID().slice(0, 8)}`, title: 'Store gone' } }, ADMIN_KEY);
    const history = await graphql(registry.http, HISTORY, { stream: 'scheme-ANY' }, ADMIN_KEY);
    const health = await registry.http.get('/health');
    proxy.heal();
    const after = await graphql(registry.http, HISTORY, { stream: 'scheme-ANY' }, ADMIN_KEY);
    const log = registry.output().slice(logBefore);

    expect(errorCodes(mutation)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(errorCodes(history)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(health.status).toBe(503);
    expect(after.errors).toEqual([]);
    expect(log).not.toMatch(/"stack"|\n\s+at /);
    expect(log).not.toMatch(/"level":50/);
  }, 30_000);

  it('starts while the store is gone: down on /health and SERVICE_UNAVAILABLE until it comes, then up without a restart', async () => {
    proxy.down();
    const emptyDir = mkdtempSync(join(tmpdir(), 'registry-store-down-'));
    const waiting = await startRegistryChild({
      EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${proxy.port}?tls=false`,
      REGISTRY_DATA_DIR: emptyDir,
      REGISTRY_ADMIN_KEY: ADMIN_KEY,
      REGISTRY_KEY_SECRET: TEST_KEY_SECRET,
    });
    try {
      const health = await waiting.http.get<{ status: string; reasons: string[] }>('/health');
      const refused = await graphql(waiting.http, HISTORY, { stream: 'scheme-ANY' }, ADMIN_KEY);
      proxy.heal();
      let healed = await waiting.http.get<{ status: string }>('/health');
      for (let attempt = 0; healed.status !== 200 && attempt < 60; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        healed = await waiting.http.get<{ status: string }>('/health').catch(() => healed);
      }
      const written = await graphql(waiting.http, REGISTER_SCHEME, { input: { code: `LATE-${randomUUID().slice(0, 8)}`, title: 'Store came' } }, ADMIN_KEY);

      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'down', reasons: [expect.stringMatching(/^store: the event store does not answer: EventStoreDB is not reachable/)] });
      expect(errorCodes(refused)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(healed).toMatchObject({ status: 200, body: { status: 'up' } });
      expect(written.errors).toEqual([]);
      expect(waiting.output()).toMatch(/^registry: EventStoreDB is not reachable.*listening on port \d+ anyway/m);
      expect(waiting.output()).not.toMatch(/"level":50|\n\s+at /);
    } finally {
      await waiting.stop();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses at once, in one line, to start without the key secret while the store is gone, instead of waiting for it', async () => {
    proxy.down();
    const emptyDir = mkdtempSync(join(tmpdir(), 'registry-store-down-'));
    const child = spawnTypeScript(join(__dirname, '../../apps/registry/src/main.ts'), {
      HOST: '127.0.0.1',
      PORT: '0',
      EVENTSTORE_CONNECTION_STRING: `esdb://127.0.0.1:${proxy.port}?tls=false`,
      REGISTRY_DATA_DIR: emptyDir,
      REGISTRY_ADMIN_KEY: ADMIN_KEY,
    });
    let output = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    // Waiting for the store would never end while it is down: cut it short so that the test fails, not hangs (loading
    // the app from its sources takes a child 5-20 s on a loaded machine).
    const waitedTooLong = setTimeout(() => child.kill('SIGKILL'), 60_000);
    try {
      const code = await new Promise<number | null>((resolve) => child.once('close', resolve));

      expect(code).toBe(1);
      expect(output).toMatch(/^registry: On EventStoreDB every replica must hash API keys with the same secret: set REGISTRY_KEY_SECRET/m);
      expect(output).not.toMatch(/listening on port|\n\s+at /);
    } finally {
      clearTimeout(waitedTooLong);
      rmSync(emptyDir, { recursive: true, force: true });
    }
  }, 90_000);
});
