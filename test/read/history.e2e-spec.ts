import { build, PS } from '@registry/projections/testing/sample-registry';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { query, record, recordApiKey } from './support/read-registry';

const HISTORY = `query($stream: String!, $fromRevision: Int, $limit: Int) {
  history(stream: $stream, fromRevision: $fromRevision, limit: $limit) { id stream revision position type data metadata recordedAt }
}`;

type Recorded = { id: string; stream: string; revision: number; position: string; type: string; data: string; metadata: string; recordedAt: string };

describe('the history query and API keys over HTTP', () => {
  let registry: RunningRegistry;
  let auditor: string;
  let certificationBody: string;

  beforeAll(async () => {
    registry = await startRegistry();
    auditor = (await recordApiKey(registry, 'AUDITOR')).secret;
    certificationBody = (await recordApiKey(registry, 'CERTIFICATION_BODY', 'th-ftpi')).secret;
    await record(registry, [
      build.scheme(PS),
      build.accredited('th-ftpi', 'TH', [PS]),
      build.issued('TH-PS-1', 'th-ftpi', PS),
      build.certificateSuspended('TH-PS-1', '2024-06-01'),
      build.certificateReinstated('TH-PS-1', '2024-09-01'),
    ]);
  });

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('replays a stream to an auditor: every event with its data and metadata as recorded', async () => {
    const answer = await query<{ history: Recorded[] }>(registry, HISTORY, { stream: 'certificate-TH-PS-1' }, auditor);

    expect(answer.errors).toEqual([]);
    const history = answer.data?.history ?? [];
    expect(history.map((event) => [event.revision, event.type])).toEqual([
      [0, 'CertificateIssued'],
      [1, 'CertificateSuspended'],
      [2, 'CertificateReinstated'],
    ]);
    expect(JSON.parse(history[1].data)).toEqual({ number: 'TH-PS-1', effectiveOn: '2024-06-01', reason: 'complaint under investigation' });
    expect(JSON.parse(history[1].metadata)).toMatchObject({ schemaVersion: 1 });
    expect(BigInt(history[2].position)).toBeGreaterThan(BigInt(history[1].position));
    expect(new Date(history[0].recordedAt).toISOString()).toBe(history[0].recordedAt);
  });

  it('pages through a stream from a revision, within a bounded limit', async () => {
    const page = await query<{ history: Recorded[] }>(registry, HISTORY, { stream: 'certificate-TH-PS-1', fromRevision: 1, limit: 1 }, auditor);
    const tooMany = await query(registry, HISTORY, { stream: 'certificate-TH-PS-1', limit: 100_000 }, auditor);

    expect(page.data?.history.map((event) => event.revision)).toEqual([1]);
    expect(tooMany.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'limit' }] });
  });

  it('refuses history without a key, and to a certification body key but for its own records', async () => {
    const anonymous = await query(registry, HISTORY, { stream: 'certificate-TH-PS-1' });
    const otherCb = (await recordApiKey(registry, 'CERTIFICATION_BODY', 'my-mpc')).secret;
    const outcome = async (stream: string, key: string) => (await query(registry, HISTORY, { stream }, key)).errors[0]?.extensions?.code ?? 'ALLOWED';

    expect(anonymous.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.data?.history ?? null).toBeNull();
    expect({
      ownCertificate: await outcome('certificate-TH-PS-1', certificationBody),
      ownBody: await outcome('cb-th-ftpi', certificationBody),
      ownCertificateAbroad: await outcome('recognition-TH-PS-1-MY', certificationBody),
      anotherCbsCertificate: await outcome('certificate-TH-PS-1', otherCb),
      anotherBody: await outcome('cb-th-ftpi', otherCb),
      aScheme: await outcome('scheme-' + PS, certificationBody),
      noSuchCertificate: await outcome('certificate-TH-PS-404', certificationBody),
      aDecisionItDidNotTake: await outcome('recognition-TH-PS-1-MY', otherCb),
    }).toEqual({
      ownCertificate: 'ALLOWED',
      ownBody: 'ALLOWED',
      ownCertificateAbroad: 'ALLOWED',
      anotherCbsCertificate: 'FORBIDDEN',
      anotherBody: 'FORBIDDEN',
      aScheme: 'FORBIDDEN',
      noSuchCertificate: 'FORBIDDEN',
      aDecisionItDidNotTake: 'FORBIDDEN',
    });
  });

  it('refuses a key from the very next request once its revocation is recorded', async () => {
    const key = await recordApiKey(registry, 'AUDITOR');
    const before = await query(registry, HISTORY, { stream: 'scheme-' + PS }, key.secret);

    await record(registry, [build.apiKeyRevoked(key.keyId)]);
    const after = await query(registry, HISTORY, { stream: 'scheme-' + PS }, key.secret);

    expect(before.errors).toEqual([]);
    expect(after.errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
