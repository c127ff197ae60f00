import { getNamedType, isListType, isNonNullType, isObjectType, type GraphQLOutputType, type GraphQLSchema } from 'graphql';
import { errorCodes, graphql } from './support/graphql-calls';
import { buildWorld, MRA_ON_APPLICATION, PS, TH, type World } from './support/world';

/** What a printed certificate shows: a keyless caller may see these and nothing else of a certificate. */
const PRINTED = ['asOf', 'certificationBody', 'certificationBodyId', 'holderName', 'issuedOn', 'number', 'recognizedIn', 'scheme', 'schemeCode', 'status', 'validUntil'];
/** What every answer says about itself (issue 13): the instant asked about and the last event of the log it rests on —
 * a leaf index, a time and a checkpoint, nothing about the holder. */
const RECORD_TIME = ['knownAt', 'knownThrough', 'lastRecorded'];
/** The printed fields as a selection: the issuing body and the scheme are objects (their name, country, title). */
const PRINTED_SELECTION = PRINTED.map((field) => ({ certificationBody: 'certificationBody { name country }', scheme: 'scheme { title }' })[field] ?? field).join(' ');
/** Types that carry holders' personal data. */
const PERSONAL = new Set(['Certificate', 'RecordedEvent']);

interface Path {
  path: string;
  throughList: boolean;
}

/** Every way down from Query to a type that carries personal data, and whether a list lies on the way. */
function pathsToPersonalData(schema: GraphQLSchema): Path[] {
  const found: Path[] = [];
  const walk = (type: GraphQLOutputType, path: string, throughList: boolean, seen: Set<string>): void => {
    const named = getNamedType(type);
    const list = throughList || isListType(isNonNullType(type) ? type.ofType : type);
    if (PERSONAL.has(named.name)) {
      found.push({ path, throughList: list });
      return;
    }
    if (!isObjectType(named) || seen.has(named.name)) return;
    for (const field of Object.values(named.getFields())) {
      walk(field.type, `${path}.${field.name}`, list, new Set([...seen, named.name]));
    }
  };
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) walk(field.type, field.name, false, new Set());
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** What CBs recorded about holders when they changed a certificate's standing: not on the printed certificate. */
const REASONS = {
  suspended: 'complaint under investigation',
  withdrawn: 'breach of the code of conduct',
  cancelled: 'holder impersonated at the exam',
  revoked: 'host found the holder unfit',
};

describe('Privacy of certificate holders', () => {
  let world: World;
  const number = 'TH-PRIV-2024-0007';

  beforeAll(async () => {
    world = await buildWorld();
    await world.must(
      'issueCertificate',
      { number, cbId: TH.cbId, schemeCode: PS, holderName: 'Siriporn Wongsakul', issuedOn: '2024-03-01', validUntil: '2027-02-28' },
      world.keys.th,
    );
    await world.must('suspendCertificate', { number, effectiveOn: '2025-01-10', reason: REASONS.suspended }, world.keys.th);
    const issue = (n: string) =>
      world.must(
        'issueCertificate',
        { number: n, cbId: TH.cbId, schemeCode: PS, holderName: 'Another Holder', issuedOn: '2024-03-01', validUntil: '2027-02-28' },
        world.keys.th,
      );
    await issue(`${number}-W`);
    await world.must('withdrawCertificate', { number: `${number}-W`, effectiveOn: '2025-01-10', reason: REASONS.withdrawn }, world.keys.th);
    await issue(`${number}-C`);
    await world.must('cancelCertificate', { number: `${number}-C`, effectiveOn: '2025-01-10', reason: REASONS.cancelled }, world.keys.th);
    await issue(`${number}-R`);
    await world.must('revokeRecognition', { certificateNumber: `${number}-R`, country: 'MY', arrangementId: MRA_ON_APPLICATION, decidedOn: '2025-01-10', reason: REASONS.revoked }, world.keys.my);
  }, 60_000);

  afterAll(async () => {
    await world?.registry.cleanup();
  });

  it('reaches holders only through one certificate by number, the history of a stream (a list or in pages), or a CB\'s own listing', () => {
    expect(pathsToPersonalData(world.schema)).toEqual([
      { path: 'certificate', throughList: false },
      { path: 'certificates.edges.node', throughList: true },
      { path: 'certificates.nodes', throughList: true },
      { path: 'history', throughList: true },
      { path: 'historyConnection.edges.node', throughList: true },
      { path: 'historyConnection.nodes', throughList: true },
    ]);
  });

  it('lists certificates only to their own CB (and the ACCREDITATION_BODY and AUDITOR keys), never to a keyless caller or another CB', async () => {
    const list = (key?: string, variables: Record<string, unknown> = {}) =>
      graphql(world.registry.http, 'query($cb: String) { certificates(certificationBodyId: $cb) { totalCount nodes { holderName } } }', variables, key);
    const keyless = await list();
    const otherCb = await list(world.keys.my, { cb: 'th-ftpi' });
    const own = await list(world.keys.th);

    expect(errorCodes(keyless)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(otherCb)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify([keyless, otherCb])).not.toContain('Siriporn');
    expect(errorCodes(own)).toEqual([]);
    expect(JSON.stringify(own)).toContain('Siriporn');
    expect(errorCodes(await list(world.keys.my))).toEqual([]);
    expect(JSON.stringify(await list(world.keys.my))).not.toContain('Siriporn');
  });

  it('shows a certificate only what its printed form shows', () => {
    const certificate = world.schema.getType('Certificate');

    expect(isObjectType(certificate) ? Object.keys(certificate.getFields()).sort() : []).toEqual([...PRINTED, ...RECORD_TIME].sort());
  });

  it('answers a keyless caller who gives the exact number, with the printed fields', async () => {
    const answer = await graphql(world.registry.http, `query($n: String!) { certificate(number: $n) { ${PRINTED_SELECTION} } }`, { n: number });

    expect(errorCodes(answer)).toEqual([]);
    expect(answer.data?.certificate).toMatchObject({ number, holderName: 'Siriporn Wongsakul', status: 'SUSPENDED' });
  });

  it.each([
    number.toLowerCase(),
    'TH-PRIV-2024-000',
    'TH-PRIV-2024',
    `${number} `,
    ` ${number}`,
    `${number}\u0000`,
    'TH-PRIV-2024-%',
    'TH-PRIV-2024-000_',
    'TH-PRIV-2024-*',
    'TH-PRIV-.*',
    "' OR '1'='1",
    '%',
    '*',
    'ТН-PRIV-2024-0007',
  ])('finds nothing for a number that is not exactly one: %j', async (guess) => {
    const answer = await graphql(world.registry.http, 'query($n: String!) { certificate(number: $n) { number holderName } }', { n: guess });

    expect(JSON.stringify(answer)).not.toContain('Siriporn');
    expect(errorCodes(answer).filter((code) => code !== 'BAD_USER_INPUT')).toEqual([]);
  });

  it('keeps the history of a certificate, with its holder and the reasons of its status changes, from keyless and CB callers', async () => {
    const read = (key?: string) => graphql(world.registry.http, 'query($s: String!) { history(stream: $s) { type data } }', { s: `certificate-${number}` }, key);

    const keyless = await read();
    const otherCb = await read(world.keys.my);
    const auditor = await read(world.keys.auditor);

    expect(errorCodes(keyless)).toEqual(['UNAUTHENTICATED']);
    expect(JSON.stringify(keyless)).not.toContain('Siriporn');
    expect(errorCodes(otherCb)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(otherCb)).not.toContain(REASONS.suspended);
    expect(errorCodes(auditor)).toEqual([]);
    expect(JSON.stringify(auditor)).toContain(REASONS.suspended);
  });

  it.each(['', '-W', '-C', '-R'])(
    'tells a keyless caller of the recognition answer nothing about the holder, nor why its standing changed (%j)',
    async (suffix) => {
      const answer = await graphql(
        world.registry.http,
        'query($n: String!) { recognition(certificateNumber: $n, country: "MY") { recognized reasons { code message } evidence { stream type } } }',
        { n: `${number}${suffix}` },
      );

      expect(errorCodes(answer)).toEqual([]);
      expect(answer.data?.recognition).toMatchObject({ recognized: false });
      const text = JSON.stringify(answer);
      expect(['Siriporn', 'Another Holder', ...Object.values(REASONS)].filter((secret) => text.includes(secret))).toEqual([]);
    },
  );
});
