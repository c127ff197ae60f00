import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { TamperedLogError } from '@registry/tlog';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '../../apps/registry/src/auth';
import { createRegistryApp } from '../../apps/registry/src/create-app';
import { stopGracefully } from '../../apps/registry/src/graceful-stop';
import { startTestServer, type TestServer } from '../../eventstore/test-server';
import { runScript } from '../hostile/support/typescript-child';
import { HttpClient } from '../support/http-client';
import { startRegistry, TEST_KEY_SECRET } from '../support/in-process-registry';
import { describeOnEmbeddedStore, describeOnEventStoreDb } from '../support/test-store';

const REGISTER = 'mutation($i: RegisterSchemeInput!) { registerScheme(input: $i) { position } }';
const SCHEMES = '{ schemes { code } }';
type ErrorBody = { errors?: { message: string; extensions: Record<string, unknown> }[] };

/** Waits until the registry has signed every event it holds; the size of that checkpoint. */
async function signedSize(http: HttpClient): Promise<number> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const { log } = (await http.get<{ log: { treeSize: number; checkpointSize: number } }>('/health')).body;
    if (log.checkpointSize === log.treeSize) return log.checkpointSize;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the registry did not sign its latest events');
}

async function register(http: HttpClient, adminKey: string, codes: string[]): Promise<void> {
  for (const code of codes) {
    const answer = await http.graphql(REGISTER, { i: { code, title: code } }, { authorization: `Bearer ${adminKey}` });
    expect(answer.body.errors).toBeUndefined();
  }
}

/** Issue 19, finding 3: the store loses its data and comes back empty on the same address, under a running registry. */
describeOnEventStoreDb('a registry whose EventStoreDB comes back empty on the same address', () => {
  const adminKey = generateApiKey().secret;
  let server: TestServer;
  let app: NestFastifyApplication;
  let http: HttpClient;
  let dataDir: string;

  beforeAll(async () => {
    server = await startTestServer({ port: 0 });
    dataDir = mkdtempSync(join(tmpdir(), 'registry-diverged-'));
    app = await createRegistryApp({ port: 0, host: '127.0.0.1', logLevel: 'silent', dataDir, adminKey, keySecret: TEST_KEY_SECRET, eventStoreConnectionString: server.connectionString });
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    http = new HttpClient(`http://127.0.0.1:${address.port}`);
  }, 60_000);

  afterAll(async () => {
    await stopGracefully(app).catch(() => undefined);
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses writes and reads, naming the last checkpoint and what the log holds, and rebuilds nothing from the empty log', async () => {
    await register(http, adminKey, ['D-1', 'D-2', 'D-3']);
    const signed = await signedSize(http);
    const before = (await http.get<{ readModels: { appliedPosition: string } }>('/health')).body.readModels.appliedPosition;

    const port = server.port;
    await server.close();
    server = await startTestServer({ port });
    const write = await http.graphql<unknown>(REGISTER, { i: { code: 'D-4', title: 'after the loss' } }, { authorization: `Bearer ${adminKey}` });
    const read = await http.graphql<unknown>(SCHEMES, {});
    const health = await http.get<{ status: string; reasons: string[]; log: { status: string }; readModels: { state: string; appliedPosition: string } }>('/health');
    const checkpoint = await http.get<string>('/checkpoint');

    expect((write.body as ErrorBody).errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect((read.body as ErrorBody).errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'LOG_DIVERGED', checkpoint: { treeSize: signed } });
    expect((read.body as ErrorBody).errors?.[0]?.message).toMatch(new RegExp(`last checkpoint this registry signed covers ${signed} events .* the log now holds no event at all`));
    expect(health.status).toBe(503);
    expect(health.body.log.status).toBe('diverged');
    expect(health.body.reasons.join('\n')).toMatch(/log: The event log no longer holds what this registry signed/);
    // The read models were left as they were: nothing rebuilt from the empty log.
    expect(health.body.readModels.state).not.toBe('rebuilding');
    expect(health.body.readModels.appliedPosition).toBe(before);
    expect(checkpoint.status).toBe(200);
    // Nothing of the registry's was written to the new, empty log.
    const { createEventStore } = await import('@registry/event-store');
    const store = await createEventStore({ dataDir, connectionString: server.connectionString });
    const written = await store.readAll({ maxCount: 100 });
    await store.close();
    expect(written).toEqual([]);
  }, 60_000);
});

/** A WAL file's frames: the offset just past each commit frame (a frame whose "database size" field is set). */
function commitEnds(wal: Buffer): number[] {
  const pageSize = wal.readUInt32BE(8);
  const ends: number[] = [];
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
    if (wal.readUInt32BE(offset + 4) !== 0) ends.push(offset + 24 + pageSize);
  }
  return ends;
}

/** Issue 19, finding 3, on the embedded store: a disk that acknowledged fsync from a volatile cache loses the
 * last frames of the log's WAL at a power cut. */
describeOnEmbeddedStore('the embedded log losing its last WAL frames, then adopted by an operator', () => {
  it('refuses to start naming the last checkpoint and what the log holds; adopt-log makes it start on the shorter log', async () => {
    const adminKey = generateApiKey().secret;
    const registry = await startRegistry({ config: { adminKey } });
    const cut = mkdtempSync(join(tmpdir(), 'registry-wal-cut-'));
    try {
      await register(registry.http, adminKey, ['W-1', 'W-2', 'W-3', 'W-4', 'W-5']);
      const signed = await signedSize(registry.http);
      // What a power cut leaves: the files as they are on disk while the registry runs (WALs not folded back).
      for (const file of readdirSync(registry.dataDir).filter((name) => !name.endsWith('-shm'))) cpSync(join(registry.dataDir, file), join(cut, file));
      const wal = join(cut, 'events.sqlite3-wal');
      const ends = commitEnds(readFileSync(wal));
      truncateSync(wal, ends[ends.length - 4]);

      const refused = await startRegistry({ dataDir: cut }).catch((error: Error) => error);

      expect(refused).toBeInstanceOf(TamperedLogError);
      expect((refused as Error).message).toMatch(new RegExp(`leaf ${signed - 3} .* is missing: the log ends before it; the last checkpoint this registry signed covers ${signed} events .*, and the log now holds ${signed - 3} events`));
      expect((refused as Error).message).toMatch(/npm run adopt-log -- --i-understand/);

      const adopted = await runScript('adopt-log', ['--i-understand'], { REGISTRY_DATA_DIR: cut });
      expect(adopted).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^Adopted the log as it is now: ${signed - 3} events\\. Abandoned: the last checkpoint this registry signed covers ${signed} events`)) });
      const restarted = await startRegistry({ dataDir: cut, config: { adminKey } });
      const resigned = await signedSize(restarted.http);
      const health = await restarted.http.get<{ status: string }>('/health');
      const schemes = await restarted.http.graphql<{ schemes: { code: string }[] }>(SCHEMES, {});
      await restarted.stop();

      expect(readdirSync(cut).filter((name) => /^signed-checkpoints\.abandoned-.*\.sqlite3$/.test(name))).toHaveLength(1);
      expect(resigned).toBe(signed - 3);
      expect(health.body.status).toBe('up');
      expect(schemes.body.data?.schemes.map((scheme) => scheme.code).filter((code) => code.startsWith('W-'))).toEqual(['W-1', 'W-2']);
    } finally {
      await registry.cleanup();
      rmSync(cut, { recursive: true, force: true });
    }
  }, 90_000);
});
