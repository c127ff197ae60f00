import { errorCodes, graphql, mutationNames } from './support/graphql-calls';
import { CALLERS, expectedOutcome, keyOf, MUTATION_TABLE, type Caller, type Outcome } from './support/mutation-table';
import { buildWorld, GPS, MRA_ON_APPLICATION, MY, PS, TH, type World } from './support/world';

describe('Authorization: every mutation × every caller, from one table', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  }, 60_000);

  afterAll(async () => {
    await world?.registry.cleanup();
  });

  it('has exactly one entry for every mutation the schema offers', () => {
    expect(Object.keys(MUTATION_TABLE).sort()).toEqual(mutationNames(world.schema));
  });

  it.each(Object.keys(MUTATION_TABLE))(
    '%s: every caller but the rightful one is refused and nothing is written; the same request then succeeds for the rightful one',
    async (name) => {
      const entry = MUTATION_TABLE[name];
      const prepared = await entry.prepare(world);
      // The refused first, all with the very input the rightful caller then sends successfully.
      const order = [...CALLERS].sort((a, b) => Number(expectedOutcome(entry, a) === 'ALLOWED') - Number(expectedOutcome(entry, b) === 'ALLOWED'));
      const observed: Array<[Caller, Outcome | string, string]> = [];
      const expected: Array<[Caller, Outcome | string, string]> = [];

      for (const caller of order) {
        const outcome = expectedOutcome(entry, caller);
        const before = await world.fingerprint();
        const answer = await world.send(name, prepared.input, keyOf(world, entry, prepared, caller));
        const after = await world.fingerprint();
        const codes = errorCodes(answer);
        const logChange = after.hash === before.hash ? 'log unchanged' : 'log grew';
        observed.push([caller, codes.length === 0 ? 'ALLOWED' : codes.join(','), logChange]);
        // A cosignature is kept beside its checkpoint, not in the log: accepted or not, the log stays as it was.
        const grows = outcome === 'ALLOWED' && entry.sentBy !== 'WITNESS';
        expected.push([caller, outcome, grows ? 'log grew' : 'log unchanged']);
      }

      expect(observed).toEqual(expected);
    },
    30_000,
  );

  it('a host-country CB party to no arrangement may neither grant nor revoke recognition, nor revoke another CB\'s grant', async () => {
    const admin = world.keys.admin;
    // The attack: a second CB of the host country, accredited only for another scheme, party to nothing.
    const intruder = { cbId: `my-intruder-${world.unique()}`, country: MY.country };
    await world.must('accreditCertificationBody', { ...intruder, name: 'Second MY CB', scope: [GPS], accreditedOn: '2023-01-01', validUntil: '2030-12-31' }, admin);
    const key = String((await world.must('createApiKey', { role: 'CERTIFICATION_BODY', cbId: intruder.cbId, label: 'intruder' }, admin)).key);
    const issue = async (): Promise<string> => {
      const fresh = `TH-HS-${world.unique()}`;
      await world.must('issueCertificate', { number: fresh, cbId: TH.cbId, schemeCode: PS, holderName: 'Somchai Jaidee', issuedOn: '2024-03-01', validUntil: '2027-02-28' }, world.keys.th);
      return fresh;
    };
    const number = await issue();
    const ungranted = await issue();
    await world.must('grantRecognition', { certificateNumber: number, country: MY.country, arrangementId: MRA_ON_APPLICATION, decidedOn: '2025-06-01' }, world.keys.my);
    const refusal = { certificateNumber: number, country: MY.country, decidedOn: '2025-07-01', reason: 'not party to anything' };
    const before = await world.fingerprint();

    const answers = [
      await world.send('revokeRecognition', refusal, key),
      await world.send('revokeRecognition', { ...refusal, arrangementId: MRA_ON_APPLICATION }, key),
      await world.send('grantRecognition', { certificateNumber: ungranted, country: MY.country, arrangementId: MRA_ON_APPLICATION, decidedOn: '2025-07-01' }, key),
    ];

    expect(answers.map((answer) => answer.errors[0]?.extensions?.rule)).toEqual(['HOST_CB_NOT_PARTY', 'HOST_CB_NOT_PARTY', 'HOST_CB_NOT_PARTY']);
    expect(await world.fingerprint()).toEqual(before);
    // The rightful host CB still may.
    await world.must('revokeRecognition', refusal, world.keys.my);
  }, 30_000);

  describe('public queries', () => {
    /** Each public query beside the one it must be exactly as open as. */
    const PUBLIC_QUERIES: Record<string, string> = {
      recognition: 'query { result: recognition(certificateNumber: "TH-NONE-1", country: "MY", asOf: "2025-06-01") { recognized } }',
      recognitionStatement: 'query { result: recognitionStatement(certificateNumber: "TH-NONE-1", country: "MY", asOf: "2025-06-01") }',
      recognitionKnownAt: 'query { result: recognition(certificateNumber: "TH-NONE-1", country: "MY", knownAt: "2025-06-01T00:00:00Z") { recognized } }',
    };
    const caller = (who: Caller): string | undefined =>
      ({
        'no key': undefined,
        ACCREDITATION_BODY: world.keys.admin,
        'CERTIFICATION_BODY of the rightful CB': world.keys.th,
        'CERTIFICATION_BODY of another CB': world.keys.my,
        AUDITOR: world.keys.auditor,
        'revoked key of the rightful role': world.keys.revokedTh,
      })[who];

    it.each(Object.keys(PUBLIC_QUERIES))('%s answers every caller exactly as recognition does, and writes nothing', async (name) => {
      const observed: Array<[Caller, string]> = [];
      const expected: Array<[Caller, string]> = [];
      const before = await world.fingerprint();
      for (const who of CALLERS) {
        const outcome = async (document: string) => {
          const codes = errorCodes(await graphql(world.registry.http, document, {}, caller(who)));
          return codes.length === 0 ? 'ALLOWED' : codes.join(',');
        };
        observed.push([who, await outcome(PUBLIC_QUERIES[name])]);
        expected.push([who, await outcome(PUBLIC_QUERIES.recognition)]);
      }
      expect(observed).toEqual(expected);
      expect(observed.filter(([, outcome]) => outcome === 'ALLOWED').map(([who]) => who)).toContain('no key');
      expect(await world.fingerprint()).toEqual(before);
    }, 30_000);
  });
});
