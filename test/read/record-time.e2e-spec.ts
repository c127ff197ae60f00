import { verifyRecognitionStatement, type RecognitionStatement, type TransparencyLog, type TrustedKeys } from '@registry/tlog';
import { build } from '@registry/projections/testing/sample-registry';
import { TRANSPARENCY_LOG } from '../../apps/registry/src/transparency/transparency-log.token';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { query, record } from './support/read-registry';
import { recognitionWorld } from './support/recognition-world';

const RECOGNITION = `query($number: String!, $country: String!, $asOf: Date, $knownAt: String) {
  recognition(certificateNumber: $number, country: $country, asOf: $asOf, knownAt: $knownAt) {
    certificateNumber country asOf recognized basis arrangementId validUntil
    reasons { code message } evidence { stream revision position type leafIndex }
    knownAt knownThrough { leafIndex treeSize recordedAt checkpoint { treeSize rootHash note } }
    corrections { recordedAt leafIndex type }
  }
}`;

type Recognition = Record<string, unknown> & {
  recognized: boolean;
  knownAt: string | null;
  knownThrough: { leafIndex: number; treeSize: number; recordedAt: string; checkpoint: { treeSize: number } | null } | null;
  corrections: { recordedAt: string; leafIndex: number; type: string }[];
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('record time: what the registry knew, over HTTP', () => {
  let registry: RunningRegistry;

  /** Records events and waits until the read models and the tree hold them. */
  async function recorded(...events: Parameters<typeof record>[1]): Promise<void> {
    const results = await record(registry, events);
    await registry.app.get<TransparencyLog>(TRANSPARENCY_LOG).waitFor(results[results.length - 1].position);
  }

  async function ask<T>(text: string, variables: Record<string, unknown>): Promise<T> {
    const answer = await query<T>(registry, text, variables);
    expect(answer.errors).toEqual([]);
    return answer.data!;
  }

  const recognition = async (variables: Record<string, unknown>) =>
    (await ask<{ recognition: Recognition }>(RECOGNITION, { number: 'TH-PS-1', country: 'MY', asOf: '2025-06-01', ...variables })).recognition;

  beforeAll(async () => {
    registry = await startRegistry();
    await recorded(...recognitionWorld());
  }, 60_000);

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('reproduces, with knownAt: T1, the answer given at T1 field for field after a backdated correction recorded at T2', async () => {
    const atT1 = await recognition({});
    const t1 = new Date().toISOString();
    await pause(5);
    await recorded(build.certificateSuspended('TH-PS-1', '2025-05-01'));

    const atT2 = await recognition({});
    const asKnownAtT1 = await recognition({ knownAt: t1 });

    expect(atT1).toMatchObject({ recognized: true, basis: 'ARRANGEMENT', knownAt: null, corrections: [] });
    expect(atT2).toMatchObject({ recognized: false, reasons: [{ code: 'CERTIFICATE_SUSPENDED' }] });
    const suspension = atT2.knownThrough!;
    expect(atT2.corrections).toEqual([{ recordedAt: suspension.recordedAt, leafIndex: suspension.leafIndex, type: 'CertificateSuspended' }]);

    const { knownAt, knownThrough, ...fields } = asKnownAtT1;
    const { knownAt: _, knownThrough: then, ...fieldsThen } = atT1;
    expect(fields).toEqual(fieldsThen);
    expect(knownAt).toBe(t1);
    expect({ ...knownThrough, checkpoint: null }).toEqual({ ...then, checkpoint: null });
    expect(knownThrough!.treeSize).toBe(knownThrough!.leafIndex + 1);
    expect(suspension.leafIndex).toBeGreaterThan(knownThrough!.leafIndex);

    // The verification page says so, and links to the answer as given before the correction.
    const page = await (await fetch(new URL('/verify/TH-PS-1?country=MY&asOf=2025-06-01&lang=en', registry.baseUrl))).text();
    expect(page).toContain('<h1>Not recognized in Malaysia on 1 June 2025</h1>');
    expect(page).toContain('Records made after 1 June 2025 changed this answer.');
    const link = /<a href="([^"]+)">See the answer as the registry gave it before they were made\.<\/a>/.exec(page)?.[1].replaceAll('&amp;', '&');
    expect(link).toContain('knownAt=');
    const before = await (await fetch(new URL(link!, registry.baseUrl))).text();
    expect(before).toContain('<h1>Recognized in Malaysia on 1 June 2025</h1>');
    expect(before).toContain('As the registry knew it on');
  }, 30_000);

  it('names the signed checkpoint that covers the last event taken into account', async () => {
    await pause(1_200);
    const answer = await recognition({});
    expect(answer.knownThrough!.checkpoint!.treeSize).toBeGreaterThanOrEqual(answer.knownThrough!.treeSize);
  }, 30_000);

  it('answers certificate, certification bodies, arrangements and schemes as known at an instant', async () => {
    const beforeAnything = '2000-01-01T00:00:00Z';
    const now = new Date().toISOString();
    await pause(5);
    await recorded(build.certificateWithdrawn('TH-PS-2', '2025-01-01'), build.scheme('APO-NEW 1:2026', 'Recorded late'));

    const READ = `query($knownAt: String) {
      certificate(number: "TH-PS-2", asOf: "2025-06-01", knownAt: $knownAt) { status recognizedIn knownAt knownThrough { leafIndex } }
      certificationBody(id: "th-ftpi", knownAt: $knownAt) { id knownThrough { leafIndex } }
      certificationBodies(country: "TH", knownAt: $knownAt) { id }
      arrangement(id: "asean-ps", knownAt: $knownAt) { id }
      arrangements(knownAt: $knownAt) { id }
      scheme(code: "APO-NEW 1:2026", knownAt: $knownAt) { code }
      schemes(knownAt: $knownAt) { code }
    }`;
    type Reads = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a loose view of seven answers
    const then = await ask<Reads>(READ, { knownAt: now });
    const today = await ask<Reads>(READ, {});
    const nothing = await ask<Reads>(READ, { knownAt: beforeAnything });

    expect(then.certificate).toMatchObject({ status: 'ACTIVE', recognizedIn: ['MY', 'TH'], knownAt: now });
    expect(today.certificate).toMatchObject({ status: 'WITHDRAWN', recognizedIn: [], knownAt: null });
    expect(today.certificate.knownThrough.leafIndex).toBeGreaterThan(then.certificate.knownThrough.leafIndex);
    expect(then.scheme).toBeNull();
    expect(today.scheme).toEqual({ code: 'APO-NEW 1:2026' });
    expect(today.schemes.length).toBe(then.schemes.length + 1);
    expect(nothing).toEqual({ certificate: null, certificationBody: null, certificationBodies: [], arrangement: null, arrangements: [], scheme: null, schemes: [] });
    expect(then.certificationBody.knownThrough).toEqual(then.certificate.knownThrough);
  }, 30_000);

  it('signs the answer known at T1 as a statement that verifies offline; one changed claim, or one changed proof byte, does not', async () => {
    const STATEMENT = `query($knownAt: String) { recognitionStatement(certificateNumber: "TH-PS-1", country: "ID", asOf: "2025-04-01", knownAt: $knownAt) }`;
    const atT1 = await recognition({ country: 'ID', asOf: '2025-04-01' });
    const t1 = new Date().toISOString();
    await pause(5);
    await recorded(build.revoked('TH-PS-1', 'ID', '2025-03-01'));
    expect((await recognition({ country: 'ID', asOf: '2025-04-01' })).recognized).toBe(false);

    const jwt = (await ask<{ recognitionStatement: string }>(STATEMENT, { knownAt: t1 })).recognitionStatement;
    const keys = (await registry.http.request<TrustedKeys>('GET', '/.well-known/registry-keys')).body;
    const verified = await verifyRecognitionStatement(jwt, keys);

    expect(verified.checks.filter((check) => !check.ok)).toEqual([]);
    expect(verified.checks.map((check) => check.check)).toEqual(
      expect.arrayContaining(['signature', 'checkpoint signature', 'checkpoint covers the answer', expect.stringMatching(/^inclusion of leaf \d+ \(CertificateIssued\)$/)]),
    );
    const header = JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8'));
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', kid: keys.keys[0].kid });
    const statement = verified.statement!;
    expect(statement).toMatchObject({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'RecognitionStatement'] });
    expect(statement.credentialSubject).toEqual({
      type: 'CertificateRecognition',
      certificateNumber: 'TH-PS-1',
      country: 'ID',
      asOf: '2025-04-01',
      knownAt: t1,
      certificate: { schemeCode: 'APO-PS 101:2023', certificationBodyId: 'th-ftpi', issuedOn: '2024-01-15' },
      recognized: true,
      basis: 'DECISION',
      arrangement: atT1.arrangementId,
      validUntil: atT1.validUntil,
      reasonCodes: [],
      knownThrough: { leafIndex: atT1.knownThrough!.leafIndex, treeSize: atT1.knownThrough!.treeSize, recordedAt: atT1.knownThrough!.recordedAt },
    });
    expect(statement.evidence.map((evidence) => evidence.leafIndex)).toEqual((atT1.evidence as { leafIndex: number }[]).map((ref) => ref.leafIndex));
    // Nothing about the holder: not the name on the certificate, nor what a CB recorded.
    expect(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')).not.toMatch(/holder|reason"/i);

    const resigned = (payload: RecognitionStatement): string => {
      const [head, , signature] = jwt.split('.');
      return [head, Buffer.from(JSON.stringify(payload)).toString('base64url'), signature].join('.');
    };
    const changedClaim = await verifyRecognitionStatement(resigned({ ...statement, credentialSubject: { ...statement.credentialSubject, validUntil: '2035-01-14' } }), keys);
    expect(changedClaim.ok).toBe(false);
    expect(changedClaim.checks.filter((check) => !check.ok).map((check) => check.check)).toEqual(['signature']);

    const [first, ...rest] = statement.evidence;
    const flipped = Buffer.from(first.auditPath[0], 'base64');
    flipped[0] ^= 1;
    const changedProof = await verifyRecognitionStatement(resigned({ ...statement, evidence: [{ ...first, auditPath: [flipped.toString('base64'), ...first.auditPath.slice(1)] }, ...rest] }), keys);
    expect(changedProof.checks.filter((check) => !check.ok).map((check) => check.check)).toEqual(['signature', `inclusion of leaf ${first.leafIndex} (${first.eventType})`]);
  }, 30_000);

  it.each([
    ['not an instant', 'yesterday'],
    ['a date without a time', '2025-06-01'],
    ['an instant without a zone', '2025-06-01T10:00:00'],
    ['an instant still to come', '2999-01-01T00:00:00Z'],
  ])('refuses knownAt as %s, naming the field', async (_, knownAt) => {
    const answer = await query(registry, RECOGNITION, { number: 'TH-PS-1', country: 'MY', knownAt });
    expect(answer.data).toBeNull();
    expect(answer.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'knownAt' }] });
  });
});
