import { testStoreKind } from '../support/test-store';
import { errorCodes, graphql } from './support/graphql-calls';
import { buildWorld, PS, TH, type World } from './support/world';

// The suite runs every e2e file on both stores; the embedded store carries the long soak.
const SOAK_MS = Number(process.env.HOSTILE_SOAK_MS ?? (testStoreKind() === 'embedded' ? '30000' : '8000'));
const WRITERS = 4;
const READERS = 6;

interface Written {
  stream: string;
  revision: number;
  position: string;
  type: string;
}

/** Latency percentiles in ms. */
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

describe('Soak: a bounded mixed read/write load on loopback', () => {
  let world: World;

  beforeAll(async () => {
    // Loopback load from one address and two keys: the limits must not be what this measures.
    process.env.REGISTRY_RATE_LIMIT_PER_ADDRESS = '1000000';
    process.env.REGISTRY_RATE_LIMIT_PER_KEY = '1000000';
    world = await buildWorld();
  }, 60_000);

  afterAll(async () => {
    await world?.registry.cleanup();
  });

  it(`runs ${SOAK_MS / 1000} s of writers and readers with no error and no lost event`, async () => {
    const stopAt = Date.now() + SOAK_MS;
    const written: Written[] = [];
    const failures: string[] = [];
    const latencies: number[] = [];
    const issued: string[] = [];
    const writing = (name: string, input: string): string =>
      `mutation($input: ${input}!) { ${name}(input: $input) { position events { stream revision position type } } }`;
    const issue = writing('issueCertificate', 'IssueCertificateInput');
    const suspend = writing('suspendCertificate', 'SuspendCertificateInput');
    const reinstate = writing('reinstateCertificate', 'ReinstateCertificateInput');

    const timed = async <T>(call: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      try {
        return await call();
      } finally {
        latencies.push(performance.now() - started);
      }
    };

    const writer = async (w: number): Promise<void> => {
      for (let n = 0; Date.now() < stopAt; n += 1) {
        const number = `TH-SOAK-${w}-${n}`;
        const steps: Array<[string, Record<string, unknown>]> = [
          [issue, { number, cbId: TH.cbId, schemeCode: PS, holderName: `Soak holder ${w}-${n}`, issuedOn: '2024-03-01', validUntil: '2027-02-28' }],
          [suspend, { number, effectiveOn: '2025-01-10', reason: 'soak' }],
          [reinstate, { number, effectiveOn: '2025-02-10', reason: 'soak' }],
        ];
        for (const [document, input] of steps.slice(0, n % 3 === 0 ? 3 : 1)) {
          const answer = await timed(() => graphql(world.registry.http, document, { input }, world.keys.th));
          const result = Object.values(answer.data ?? {})[0] as { events?: Written[] } | undefined;
          if (answer.status !== 200 || answer.errors.length > 0 || result?.events === undefined) {
            failures.push(`write ${number}: ${answer.status} ${JSON.stringify(answer.errors)}`);
            continue;
          }
          written.push(...result.events);
        }
        issued.push(number);
      }
    };

    const reader = async (r: number): Promise<void> => {
      for (let n = 0; Date.now() < stopAt; n += 1) {
        const number = issued[Math.floor(Math.random() * issued.length)] ?? 'TH-SOAK-NONE';
        const query =
          n % 2 === 0
            ? 'query($n: String!) { recognition(certificateNumber: $n, country: "MY") { recognized reasons { code } evidence { position } } }'
            : 'query($n: String!) { certificate(number: $n) { number holderName status } }';
        const key = r % 2 === 0 ? undefined : world.keys.auditor;
        const answer = await timed(() => graphql(world.registry.http, query, { n: number }, key));
        if (answer.status !== 200 || answer.errors.length > 0) failures.push(`read ${number}: ${answer.status} ${errorCodes(answer).join(',')}`);
      }
    };

    const started = Date.now();
    await Promise.all([
      ...Array.from({ length: WRITERS }, (_, w) => writer(w)),
      ...Array.from({ length: READERS }, (_, r) => reader(r)),
    ]);
    const seconds = (Date.now() - started) / 1000;

    // Every acknowledged event is in the log, where the answer said it was.
    const log = await world.store.readAll();
    const at = new Map(log.map((event) => [String(event.position), event]));
    const lost = written.filter((ref) => {
      const event = at.get(ref.position);
      return event === undefined || event.stream !== ref.stream || Number(event.revision) !== ref.revision || event.type !== ref.type;
    });
    const health = await world.registry.http.get('/health');

    process.stdout.write(
      `soak: ${latencies.length} requests in ${seconds.toFixed(1)} s (${(latencies.length / seconds).toFixed(0)}/s), ` +
        `${written.length} events written, p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms\n`,
    );
    expect(failures.slice(0, 5)).toEqual([]);
    expect(lost).toEqual([]);
    expect(written.length).toBeGreaterThan(100);
    expect(health.status).toBe(200);
  }, SOAK_MS + 60_000);
});
