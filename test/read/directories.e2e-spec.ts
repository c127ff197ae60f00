import { build, PS } from '@registry/projections/testing/sample-registry';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { query, record } from './support/read-registry';
import { GPS, PPS, recognitionWorld } from './support/recognition-world';

describe('certificates and the public directories over HTTP', () => {
  let registry: RunningRegistry;

  beforeAll(async () => {
    registry = await startRegistry();
    await record(registry, [
      ...recognitionWorld(),
      build.partyAdmitted('asean-ps', 'id-lsp', '2025-01-01'),
      build.partyWithdrawn('asean-ps', 'my-mpc', '2026-01-01'),
      build.scopeAmended('th-id', [PS], '2025-06-01'),
    ]);
  });

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('shows a certificate by its exact number, as printed, with its status on the date asked', async () => {
    const text = `query($number: String!, $asOf: Date) {
      certificate(number: $number, asOf: $asOf) { number holderName schemeCode certificationBodyId issuedOn validUntil status asOf }
    }`;

    const suspended = await query(registry, text, { number: 'TH-PS-2', asOf: '2024-07-01' });
    const reinstated = await query(registry, text, { number: 'TH-PS-2', asOf: '2024-10-01' });
    const partial = await query(registry, text, { number: 'TH-PS' });

    expect(suspended.data).toEqual({
      certificate: {
        number: 'TH-PS-2',
        holderName: 'Holder of TH-PS-2',
        schemeCode: PS,
        certificationBodyId: 'th-ftpi',
        issuedOn: '2024-01-15',
        validUntil: '2027-01-14',
        status: 'SUSPENDED',
        asOf: '2024-07-01',
      },
    });
    expect(reinstated.data).toMatchObject({ certificate: { status: 'ACTIVE' } });
    expect(partial.data).toEqual({ certificate: null });
  });

  it('lists the countries where a certificate is recognized on the date asked', async () => {
    const text = `query($number: String!, $asOf: Date) { certificate(number: $number, asOf: $asOf) { recognizedIn } }`;

    const before = await query(registry, text, { number: 'TH-PS-1', asOf: '2024-02-01' });
    const after = await query(registry, text, { number: 'TH-PS-1', asOf: '2025-06-01' });
    const cancelled = await query(registry, text, { number: 'TH-PS-13', asOf: '2024-06-01' });

    expect(before.data).toEqual({ certificate: { recognizedIn: ['MY', 'TH'] } });
    expect(after.data).toEqual({ certificate: { recognizedIn: ['ID', 'MY', 'TH'] } });
    expect(cancelled.data).toEqual({ certificate: { recognizedIn: [] } });
  });

  it('offers no query that lists or searches certificates or their holders', async () => {
    type TypeRef = { kind: string; name: string | null; ofType?: TypeRef | null };
    const schema = await query<{ __schema: { queryType: { fields: { name: string; type: TypeRef }[] } } }>(
      registry,
      '{ __schema { queryType { fields { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }',
    );
    /** The named type a field returns, and whether it returns a list of it. */
    const unwrap = (type: TypeRef, list = false): { name: string | null; list: boolean } =>
      type.ofType ? unwrap(type.ofType, list || type.kind === 'LIST') : { name: type.name, list };

    const returned = (schema.data?.__schema.queryType.fields ?? []).map((field) => ({ field: field.name, ...unwrap(field.type) }));

    expect(returned).toContainEqual({ field: 'certificate', name: 'Certificate', list: false });
    expect(returned).toContainEqual({ field: 'certificationBodies', name: 'CertificationBody', list: true });
    expect(returned.filter((field) => field.name === 'Certificate')).toEqual([{ field: 'certificate', name: 'Certificate', list: false }]);
  });

  it('lists certification bodies, of one country when asked, with their accreditation on the date', async () => {
    const text = `query($country: String, $asOf: Date) {
      certificationBodies(country: $country, asOf: $asOf) { id name country accreditationStatus scope accreditedOn validUntil }
    }`;

    const all = await query<{ certificationBodies: { id: string }[] }>(registry, text, {});
    const vietnam = await query(registry, text, { country: 'vn', asOf: '2024-07-01' });

    expect(all.data?.certificationBodies.map((body) => body.id)).toEqual(['id-lsp', 'my-mpc', 'ph-dap', 'sg-ssg', 'th-ftpi', 'vn-vnpi']);
    expect(vietnam.data).toEqual({
      certificationBodies: [
        {
          id: 'vn-vnpi',
          name: 'vn-vnpi certification body',
          country: 'VN',
          accreditationStatus: 'SUSPENDED',
          scope: [PS],
          accreditedOn: '2023-01-01',
          validUntil: '2030-12-31',
        },
      ],
    });
  });

  it('shows one certification body, and null for an unknown id', async () => {
    const text = `query($id: ID!, $asOf: Date) { certificationBody(id: $id, asOf: $asOf) { id accreditationStatus } }`;

    expect((await query(registry, text, { id: 'sg-ssg', asOf: '2024-06-01' })).data).toEqual({ certificationBody: { id: 'sg-ssg', accreditationStatus: 'WITHDRAWN' } });
    expect((await query(registry, text, { id: 'nobody' })).data).toEqual({ certificationBody: null });
  });

  it('lists schemes, and shows one by code', async () => {
    const all = await query<{ schemes: { code: string }[] }>(registry, '{ schemes { code title sector occupation qualificationLevel } }');
    const one = await query(registry, 'query($code: String!) { scheme(code: $code) { code title } }', { code: GPS });

    expect(all.data?.schemes.map((scheme) => scheme.code)).toEqual([GPS, PPS, PS].sort());
    expect(one.data).toEqual({ scheme: { code: GPS, title: 'Green Productivity Specialist' } });
  });

  it('lists arrangements by a party country and by scheme, judged on the date asked', async () => {
    const text = `query($country: String, $scheme: String, $asOf: Date) {
      arrangements(country: $country, scheme: $scheme, asOf: $asOf) { id title mode parties schemes effectiveFrom expiresOn status }
    }`;
    const ids = async (variables: Record<string, unknown>): Promise<string[]> =>
      ((await query<{ arrangements: { id: string }[] }>(registry, text, variables)).data?.arrangements ?? []).map((arrangement) => arrangement.id);

    expect(await ids({})).toEqual(['asean-ps', 'th-id']);
    expect(await ids({ country: 'ID', asOf: '2024-06-01' })).toEqual(['th-id']);
    expect(await ids({ country: 'ID', asOf: '2025-06-01' })).toEqual(['asean-ps', 'th-id']);
    expect(await ids({ country: 'MY', asOf: '2026-06-01' })).toEqual([]);
    expect(await ids({ scheme: GPS, asOf: '2025-01-01' })).toEqual(['th-id']);
    expect(await ids({ scheme: GPS, asOf: '2025-06-01' })).toEqual([]);
  });

  it('shows one arrangement with its parties and schemes on the date asked', async () => {
    const text = `query($id: ID!, $asOf: Date) { arrangement(id: $id, asOf: $asOf) { id mode parties schemes effectiveFrom expiresOn status } }`;

    const answer = await query(registry, text, { id: 'asean-ps', asOf: '2026-06-01' });

    expect(answer.data).toEqual({
      arrangement: { id: 'asean-ps', mode: 'AUTOMATIC', parties: ['th-ftpi', 'id-lsp'], schemes: [PS], effectiveFrom: '2023-06-01', expiresOn: null, status: 'IN_FORCE' },
    });
  });
});
