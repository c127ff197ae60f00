import { REASON_CODES } from '@registry/domain';
import { streamOf } from '@registry/projections/testing/registry-events';
import { build, PS } from '@registry/projections/testing/sample-registry';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { query, record } from './support/read-registry';
import { recognitionWorld } from './support/recognition-world';

type Recognition = {
  certificateNumber: string;
  country: string;
  asOf: string;
  recognized: boolean;
  basis: string | null;
  arrangementId: string | null;
  validUntil: string | null;
  reasons: { code: string; message: string }[];
  evidence: { stream: string; revision: number; position: string; type: string }[];
};

/** [reason code, certificate, country, asOf] for every code of the contract. */
const REASON_CASES: [string, string, string, string][] = [
  ['CERTIFICATE_NOT_FOUND', 'NOPE-1', 'TH', '2025-06-01'],
  ['CERTIFICATE_NOT_YET_VALID', 'TH-PS-1', 'TH', '2023-12-31'],
  ['CERTIFICATE_EXPIRED', 'TH-PS-5', 'TH', '2025-06-01'],
  ['CERTIFICATE_SUSPENDED', 'TH-PS-2', 'TH', '2024-07-01'],
  ['CERTIFICATE_WITHDRAWN', 'TH-PS-3', 'TH', '2025-06-01'],
  ['CERTIFICATE_CANCELLED', 'TH-PS-13', 'TH', '2024-06-01'],
  ['CB_NOT_ACCREDITED', 'XX-PS-11', 'TH', '2025-06-01'],
  ['CB_ACCREDITATION_SUSPENDED', 'VN-PS-9', 'VN', '2024-07-01'],
  ['CB_ACCREDITATION_WITHDRAWN', 'SG-PS-10', 'SG', '2024-06-01'],
  ['CB_ACCREDITATION_EXPIRED', 'PH-PS-8', 'PH', '2025-06-01'],
  ['SCHEME_NOT_IN_ACCREDITATION_SCOPE', 'MY-GPS-12', 'MY', '2025-06-01'],
  ['NO_ARRANGEMENT', 'TH-PS-1', 'PH', '2025-06-01'],
  ['ARRANGEMENT_SUSPENDED', 'TH-PS-1', 'VN', '2025-06-01'],
  ['SCHEME_NOT_COVERED', 'TH-GPS-6', 'MY', '2025-06-01'],
  ['RECOGNITION_NOT_GRANTED', 'TH-PS-2', 'ID', '2024-10-01'],
  ['RECOGNITION_REVOKED', 'TH-PS-7', 'MY', '2025-06-01'],
  ['APPLICATION_PENDING', 'TH-PS-1', 'KH', '2025-01-20'],
  ['DECISION_OVERDUE', 'TH-PS-1', 'KH', '2025-06-01'],
];

const RECOGNITION = `query($number: String!, $country: String!, $asOf: Date) {
  recognition(certificateNumber: $number, country: $country, asOf: $asOf) {
    certificateNumber country asOf recognized basis arrangementId validUntil
    reasons { code message } evidence { stream revision position type }
  }
}`;

describe('the recognition query over HTTP', () => {
  let registry: RunningRegistry;
  /** Where the issue of TH-PS-1 was recorded in the global log. */
  let issuedAt: string;

  async function recognition(number: string, country: string, asOf?: string): Promise<Recognition> {
    const answer = await query<{ recognition: Recognition }>(registry, RECOGNITION, { number, country, asOf });
    expect(answer.errors).toEqual([]);
    return answer.data!.recognition;
  }

  const codes = async (number: string, country: string, asOf: string): Promise<string[]> =>
    (await recognition(number, country, asOf)).reasons.map((reason) => reason.code);

  beforeAll(async () => {
    registry = await startRegistry();
    const world = recognitionWorld();
    const results = await record(registry, world);
    issuedAt = String(results[world.findIndex((event) => streamOf(event) === 'certificate-TH-PS-1')].position);
    const thKh = build.signed('th-kh', ['th-ftpi', 'kh-nea'], [PS], 'ON_APPLICATION', '2023-06-01');
    // Only here, not in the shared world: an arrangement between Thailand and Vietnam, suspended.
    await record(registry, [
      build.signed('th-vn', ['th-ftpi', 'vn-vnpi'], [PS], 'AUTOMATIC', '2023-06-01'),
      { type: 'MRASuspended', data: { id: 'th-vn', effectiveOn: '2025-03-01', reason: 'review of operations' } },
      // And one between Thailand and Cambodia, on application with a 30-day decision period, applied to and undecided.
      build.accredited('kh-nea', 'KH', [PS]),
      { ...thKh, data: { ...thKh.data, decisionPeriodDays: 30 } },
      {
        type: 'RecognitionApplied',
        data: { applicationId: 'TH-PS-1/KH/1', certificateNumber: 'TH-PS-1', country: 'KH', arrangementId: 'th-kh', appliedOn: '2025-01-10', note: null },
      },
    ]);
  });

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('recognizes a certificate at home, under an AUTOMATIC arrangement, and by a grant, with the basis and arrangement', async () => {
    const home = await recognition('TH-PS-1', 'TH', '2025-06-01');
    const automatic = await recognition('TH-PS-1', 'my', '2025-06-01');
    const granted = await recognition('TH-PS-1', 'ID', '2025-06-01');

    expect(home).toMatchObject({ recognized: true, basis: 'HOME', arrangementId: null, validUntil: '2027-01-14', reasons: [] });
    expect(automatic).toMatchObject({ country: 'MY', recognized: true, basis: 'ARRANGEMENT', arrangementId: 'asean-ps', reasons: [] });
    expect(granted).toMatchObject({ recognized: true, basis: 'DECISION', arrangementId: 'th-id', reasons: [] });
  });

  it('shows the recorded events the answer rests on, with their streams, revisions and global positions', async () => {
    const answer = await recognition('TH-PS-1', 'MY', '2025-06-01');

    const issued = answer.evidence.find((ref) => ref.stream === 'certificate-TH-PS-1');
    expect(issued).toEqual({ stream: 'certificate-TH-PS-1', revision: 0, position: issuedAt, type: 'CertificateIssued' });
    expect(answer.evidence.map((ref) => ref.stream)).toEqual(expect.arrayContaining(['cb-th-ftpi', 'arrangement-asean-ps', 'cb-my-mpc']));
    const order = answer.evidence.map((ref) => BigInt(ref.position));
    expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it.each(REASON_CASES)('answers %s for %s in %s on %s, not recognized', async (code, number, country, asOf) => {
    const answer = await recognition(number, country, asOf);

    expect(answer.recognized).toBe(false);
    expect(answer.basis).toBeNull();
    expect(answer.reasons.map((reason) => reason.code)).toContain(code);
    expect(answer.reasons.every((reason) => reason.message.length > 0)).toBe(true);
  });

  it('has a case above for every reason code of the contract', () => {
    expect(REASON_CASES.map(([code]) => code).sort()).toEqual([...REASON_CODES].sort());
  });

  it('lists every failed condition, not only the first', async () => {
    // Expired certificate of a CB whose accreditation expired too, asked for a country without an arrangement.
    expect(await codes('TH-PS-5', 'PH', '2025-06-01')).toEqual(expect.arrayContaining(['CERTIFICATE_EXPIRED', 'NO_ARRANGEMENT']));
  });

  it('travels in time across a suspension and a reinstatement, of a certificate and of an accreditation', async () => {
    expect(await codes('TH-PS-2', 'MY', '2024-05-31')).toEqual([]);
    expect(await codes('TH-PS-2', 'MY', '2024-07-01')).toEqual(['CERTIFICATE_SUSPENDED']);
    expect(await codes('TH-PS-2', 'MY', '2024-09-01')).toEqual([]);
    expect(await codes('VN-PS-9', 'VN', '2024-05-31')).toEqual([]);
    expect(await codes('VN-PS-9', 'VN', '2024-06-01')).toEqual(['CB_ACCREDITATION_SUSPENDED']);
    expect(await codes('VN-PS-9', 'VN', '2024-10-01')).toEqual([]);
  });

  it('voids past answers once a certificate is cancelled as issued in error', async () => {
    await record(registry, [build.issued('TH-PS-4', 'th-ftpi', PS)]);
    const before = await recognition('TH-PS-4', 'MY', '2024-06-01');

    await record(registry, [build.certificateCancelled('TH-PS-4', '2025-01-01')]);
    const after = await recognition('TH-PS-4', 'MY', '2024-06-01');

    expect(before.recognized).toBe(true);
    expect(after.recognized).toBe(false);
    expect(after.reasons.map((reason) => reason.code)).toContain('CERTIFICATE_CANCELLED');
    expect(after.evidence.map((ref) => ref.type)).toContain('CertificateCancelled');
  });

  it('answers for today (UTC) when no asOf is given', async () => {
    const today = new Date().toISOString().slice(0, 10);

    expect((await recognition('TH-PS-1', 'TH')).asOf).toBe(today);
  });

  it('refuses a country that is not an ISO 3166-1 alpha-2 code as bad input, naming the argument', async () => {
    const answer = await query(registry, RECOGNITION, { number: 'TH-PS-1', country: 'XX' });

    expect(answer.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'country' }] });
  });

  it('refuses an impossible asOf date as bad input', async () => {
    const answer = await query(registry, RECOGNITION, { number: 'TH-PS-1', country: 'TH', asOf: '2024-02-30' });

    expect(answer.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
