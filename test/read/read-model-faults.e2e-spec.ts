import type Database from 'better-sqlite3';
import type { EventStore } from '@registry/event-store';
import { readModelsPath } from '@registry/projections';
import { scramblePages } from '@registry/projections/testing/damage-file';
import { appendRegistryEvents } from '@registry/projections/testing/registry-events';
import { build, PS } from '@registry/projections/testing/sample-registry';
import { EVENT_STORE } from '../../apps/registry/src/store';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { query, record, type Answer } from './support/read-registry';
import { recognitionWorld } from './support/recognition-world';

jest.setTimeout(60_000);

const ADMIN_KEY = 'read-model-faults-e2e-admin-key-0123456789';
const REGISTER_SCHEME = 'mutation($input: RegisterSchemeInput!) { registerScheme(input: $input) { position } }';
const CERTIFICATE = 'query($n: String!) { certificate(number: $n) { number holderName } }';

type Health = { status: string; reasons: string[]; readModels: Record<string, unknown>; store: Record<string, unknown>; disk: Record<string, unknown> };

async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await probe();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function lastPosition(registry: RunningRegistry): Promise<bigint> {
  const [last] = await registry.app.get<EventStore>(EVENT_STORE).readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
  return last?.position ?? 0n;
}

describe('read models that fail, over HTTP', () => {
  let registry: RunningRegistry | undefined;
  afterEach(async () => {
    await registry?.cleanup();
    registry = undefined;
  });

  it('reports every component on /health: the log reachable and writable, the read models live, disk headroom', async () => {
    registry = await startRegistry({ config: { adminKey: ADMIN_KEY } });

    const health = await registry.http.get<Health>('/health');

    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({
      status: 'up',
      reasons: [],
      store: { status: 'up', reachable: true, writable: true },
      readModels: { status: 'up', state: 'live', behind: false },
      disk: { status: 'up', freeBytes: expect.any(Number) },
    });
  });

  it('moves a damaged read-model file aside at start, rebuilds it from the log, and says so on /health', async () => {
    registry = await startRegistry({ config: { adminKey: ADMIN_KEY } });
    const numbers = Array.from({ length: 200 }, (_, i) => `TH-PS-7${String(i).padStart(3, '0')}`);
    await record(registry, [...recognitionWorld(), ...numbers.map((number) => build.issued(number, 'th-ftpi', PS))]);
    await registry.stop();
    scramblePages(readModelsPath(registry.dataDir), 3);

    registry = await registry.restart();
    const running = registry;
    const seen: Array<Answer<{ certificate: { holderName: string } | null }>> = [];
    await until(
      async () => {
        const answer = await query<{ certificate: { holderName: string } | null }>(running, CERTIFICATE, { n: 'TH-PS-7199' }, ADMIN_KEY);
        seen.push(answer);
        return answer;
      },
      (answer) => answer.errors.length === 0,
      'the certificate answered',
    );
    const sample = await Promise.all(numbers.slice(0, 20).map((n) => query<{ certificate: { holderName: string } | null }>(running, CERTIFICATE, { n }, ADMIN_KEY)));
    const health = await registry.http.get<Health>('/health');

    // Every answer meanwhile is the right one or a clear REBUILDING refusal, never a wrong one or an internal error.
    for (const answer of seen) {
      if (answer.errors.length > 0) {
        expect(answer.errors[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'REBUILDING', progress: { position: expect.any(String) } });
      } else {
        expect(answer.data).toMatchObject({ certificate: { holderName: 'Holder of TH-PS-7199' } });
      }
    }
    expect(sample.map((answer) => answer.data?.certificate?.holderName)).toEqual(numbers.slice(0, 20).map((n) => `Holder of ${n}`));
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('degraded');
    expect(health.body.reasons.join('\n')).toMatch(/readModels: corruption repaired .*quick_check/);
    expect(health.body.readModels).toMatchObject({ state: 'live', repairs: { corruption: 1, mismatch: 0 } });
  });

  it('refuses mutations before writing while the read-model disk is full, says so on /health, and resumes by itself', async () => {
    let readModelFile: Database.Database | undefined;
    registry = await startRegistry({
      config: { adminKey: ADMIN_KEY },
      seams: { readSide: { retryFirstMs: 20, retryLastMs: 200, onOpen: (db) => (readModelFile = db) } },
    });
    const headers = { authorization: `Bearer ${ADMIN_KEY}` };
    const db = readModelFile!;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);

    // Events arrive that the read models cannot store: they stall.
    await appendRegistryEvents(
      registry.app.get<EventStore>(EVENT_STORE),
      Array.from({ length: 300 }, (_, i) => build.issued(`TH-PS-6${String(i).padStart(3, '0')}`, 'th-ftpi', PS)),
    );
    const stalled = await until(() => registry!.http.get<Health>('/health'), (h) => h.body.readModels.state === 'stalled', 'the stall');
    const before = await lastPosition(registry);
    const refused = await registry.http.graphql(REGISTER_SCHEME, { input: { code: 'FULL-1', title: 'refused' } }, headers);

    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'READ_MODELS_STOPPED' });
    expect(await lastPosition(registry)).toBe(before);
    expect(stalled.status).toBe(200);
    expect(stalled.body.status).toBe('degraded');
    expect(stalled.body.reasons.join('\n')).toMatch(/readModels: the read-model file refused a write .*full/i);

    db.pragma('max_page_count = 1073741823');
    await until(() => registry!.http.get<Health>('/health'), (h) => h.body.status === 'up', 'the recovery');
    const accepted = await registry.http.graphql(REGISTER_SCHEME, { input: { code: 'FULL-2', title: 'accepted' } }, headers);
    const answers = await query(registry, '{ a: certificate(number: "TH-PS-6299") { number } b: scheme(code: "FULL-2") { code } c: scheme(code: "FULL-1") { code } }');

    expect(accepted.body.errors).toBeUndefined();
    expect(answers.data).toEqual({ a: { number: 'TH-PS-6299' }, b: { code: 'FULL-2' }, c: null });
  });
});
