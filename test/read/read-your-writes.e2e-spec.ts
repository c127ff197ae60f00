import { build, PS } from '@registry/projections/testing/sample-registry';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { query, record } from './support/read-registry';
import { recognitionWorld } from './support/recognition-world';

const ADMIN_KEY = 'read-side-e2e-admin-key-0123456789abcdef';

/** Questions whose answers must survive a restart unchanged. */
const QUESTIONS = [
  '{ a: recognition(certificateNumber: "TH-PS-1", country: "MY", asOf: "2025-06-01") { recognized basis arrangementId validUntil reasons { code message } evidence { stream revision position type } } }',
  '{ b: recognition(certificateNumber: "TH-PS-2", country: "ID", asOf: "2024-10-01") { recognized reasons { code message } evidence { stream revision position type } } }',
  '{ c: certificate(number: "TH-PS-2", asOf: "2024-07-01") { number holderName status validUntil recognizedIn } }',
  '{ d: certificationBodies(asOf: "2024-07-01") { id country accreditationStatus scope validUntil } }',
  '{ e: arrangements(asOf: "2025-06-01") { id mode parties schemes status } }',
  '{ f: schemes { code title } }',
];

describe('read-your-writes and restarts over HTTP', () => {
  let registry: RunningRegistry;

  beforeAll(async () => {
    registry = await startRegistry({ config: { adminKey: ADMIN_KEY } });
  });

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('reflects a mutation in every query made after it returns', async () => {
    const headers = { authorization: `Bearer ${ADMIN_KEY}` };
    for (let round = 0; round < 5; round += 1) {
      const code = `RYW-${round}`;
      const written = await registry.http.graphql(
        'mutation($input: RegisterSchemeInput!) { registerScheme(input: $input) { position } }',
        { input: { code, title: `Scheme ${round}` } },
        headers,
      );
      expect(written.body.errors).toBeUndefined();

      const read = await query(registry, 'query($code: String!) { scheme(code: $code) { code } }', { code });

      expect(read.data).toEqual({ scheme: { code } });
    }
  });

  it('answers exactly the same after a restart on the same data directory, from the checkpoint', async () => {
    await record(registry, [...recognitionWorld(), build.issued('TH-PS-99', 'th-ftpi', PS)]);
    const before = await Promise.all(QUESTIONS.map((text) => query(registry, text)));
    const positionBefore = (await registry.http.get<{ appliedPosition: string }>('/health/read-models')).body.appliedPosition;

    registry = await registry.restart();
    const after = await Promise.all(QUESTIONS.map((text) => query(registry, text)));
    const health = await registry.http.get<{ status: string; appliedPosition: string }>('/health/read-models');

    expect(before.every((answer) => answer.errors.length === 0)).toBe(true);
    expect(after).toEqual(before);
    expect(health.body).toMatchObject({ status: 'up', appliedPosition: positionBefore });
  });
});
