import { SubscriptionConnection } from '../notify/support/subscription-client';
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
        const key = await keyOf(world, entry, prepared, caller);
        const before = await world.fingerprint();
        const answer = await world.send(name, prepared.input, key);
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
      // The mutual recognition of skills: what governments publish, open to all (no holder in them).
      nationalFramework: 'query { result: nationalFramework(country: "TH", asOf: "2025-06-01") { country levelHistory { from } } }',
      nationalFrameworks: 'query { result: nationalFrameworks(asOf: "2025-06-01") { country } }',
      nationalQualification: 'query { result: nationalQualification(id: "NQ-NONE-1") { id } }',
      nationalQualifications: 'query { result: nationalQualifications(country: "TH") { id } }',
      schemeLink: 'query { result: schemeLink(schemeCode: "APO-PS 101:2023", asOf: "2025-06-01") { schemeCode } }',
      priorityOccupations: 'query { result: priorityOccupations(country: "TH", asOf: "2025-06-01") { code } }',
      comparability: 'query { result: comparability(qualificationId: "NQ-NONE-1", country: "MY", asOf: "2025-06-01") { comparable } }',
      actionPlan: 'query { result: actionPlan(country: "TH", asOf: "2025-06-01") { targetCountries targetHistory { from } } }',
      actionPlanMonitoring: 'query { result: actionPlanMonitoring(asOf: "2025-06-01") { counts { done } } }',
      // Every public list in pages (the connections beside the plain lists): as open as the lists, so as recognition.
      certificationBodiesConnection: 'query { result: certificationBodiesConnection(country: "TH", first: 1) { totalCount nodes { id } } }',
      schemesConnection: 'query { result: schemesConnection(first: 1) { totalCount nodes { code } } }',
      arrangementsConnection: 'query { result: arrangementsConnection(first: 1) { totalCount nodes { id } } }',
      checkpointsConnection: 'query { result: checkpointsConnection(first: 1) { totalCount nodes { treeSize } } }',
      nationalFrameworksConnection: 'query { result: nationalFrameworksConnection(first: 1) { totalCount nodes { country } } }',
      nationalQualificationsConnection: 'query { result: nationalQualificationsConnection(country: "TH", first: 1) { totalCount nodes { id } } }',
      priorityOccupationsConnection: 'query { result: priorityOccupationsConnection(first: 1) { totalCount nodes { code } } }',
    };
    const caller = (who: Caller): string | undefined =>
      ({
        'no key': undefined,
        ACCREDITATION_BODY: world.keys.admin,
        'CERTIFICATION_BODY of the rightful CB': world.keys.th,
        'CERTIFICATION_BODY of another CB': world.keys.my,
        AUDITOR: world.keys.auditor,
        'SKILLS_FOCAL_POINT of the rightful country': world.keys.focalTh,
        'SKILLS_FOCAL_POINT of another country': world.keys.focalMy,
        EMPLOYER: world.keys.employer,
        'revoked key of the rightful role': world.keys.revokedTh,
      })[who];
    /** What one caller gets from a read: ALLOWED, or its error codes. */
    const outcomeFor = async (who: Caller, document: string): Promise<string> => {
      const codes = errorCodes(await graphql(world.registry.http, document, {}, caller(who)));
      return codes.length === 0 ? 'ALLOWED' : codes.join(',');
    };

    it('watches answers the roles that own watches (not auditors), each its own watches, and writes nothing', async () => {
      await world.must('createWatch', { watchId: `mine-${world.unique()}`, certificationBodyId: TH.cbId, url: 'https://hooks.example.com/th' }, world.keys.th);
      const before = await world.fingerprint();
      const observed: Array<[Caller, string]> = [];
      for (const who of CALLERS) {
        const answer = await graphql(world.registry.http, '{ watches { watchId certificationBodyId } }', {}, caller(who));
        const codes = errorCodes(answer);
        const watches = (answer.data?.watches ?? []) as { certificationBodyId: string | null }[];
        observed.push([who, codes.length > 0 ? codes.join(',') : `ALLOWED, ${watches.some((watch) => watch.certificationBodyId === TH.cbId) ? 'TH' : 'no TH'} watches`]);
      }
      expect(observed).toEqual([
        ['no key', 'UNAUTHENTICATED'],
        ['ACCREDITATION_BODY', 'ALLOWED, no TH watches'],
        ['CERTIFICATION_BODY of the rightful CB', 'ALLOWED, TH watches'],
        ['CERTIFICATION_BODY of another CB', 'ALLOWED, no TH watches'],
        ['AUDITOR', 'FORBIDDEN'],
        ['SKILLS_FOCAL_POINT of the rightful country', 'ALLOWED, no TH watches'],
        ['SKILLS_FOCAL_POINT of another country', 'ALLOWED, no TH watches'],
        ['EMPLOYER', 'ALLOWED, no TH watches'],
        ['revoked key of the rightful role', 'UNAUTHENTICATED'],
      ]);
      expect(await world.fingerprint()).toEqual(before);
    }, 30_000);

    it("createWatch of Thailand's action plan: the accreditation body, an employer and Thailand's focal point, not a CB, an auditor or another country's focal point; refused ones write nothing", async () => {
      const observed: Array<[Caller, string, string]> = [];
      for (const who of CALLERS) {
        const before = await world.fingerprint();
        const answer = await world.send('createWatch', { watchId: `plan-${world.unique()}`, actionPlan: { country: TH.country }, url: 'https://hooks.example.com/plan' }, caller(who));
        const codes = errorCodes(answer);
        observed.push([who, codes.length > 0 ? codes.join(',') : 'ALLOWED', (await world.fingerprint()).hash === before.hash ? 'log unchanged' : 'log grew']);
      }
      expect(observed).toEqual([
        ['no key', 'UNAUTHENTICATED', 'log unchanged'],
        ['ACCREDITATION_BODY', 'ALLOWED', 'log grew'],
        ['CERTIFICATION_BODY of the rightful CB', 'FORBIDDEN', 'log unchanged'],
        ['CERTIFICATION_BODY of another CB', 'FORBIDDEN', 'log unchanged'],
        ['AUDITOR', 'FORBIDDEN', 'log unchanged'],
        ['SKILLS_FOCAL_POINT of the rightful country', 'ALLOWED', 'log grew'],
        ['SKILLS_FOCAL_POINT of another country', 'FORBIDDEN', 'log unchanged'],
        ['EMPLOYER', 'ALLOWED', 'log grew'],
        ['revoked key of the rightful role', 'UNAUTHENTICATED', 'log unchanged'],
      ]);
    }, 30_000);

    it('impact answers the accreditation body, auditors and CBs (counts of their own) only, and writes nothing', async () => {
      const before = await world.fingerprint();
      const observed: Array<[Caller, string]> = [];
      for (const who of CALLERS) {
        const answer = await graphql(
          world.registry.http,
          'query($of: ImpactInput!) { impact(of: $of) { total certificates { certificateNumber } } }',
          { of: { suspendArrangement: { arrangementId: MRA_ON_APPLICATION, effectiveOn: '2026-01-01' } } },
          caller(who),
        );
        const codes = errorCodes(answer);
        const impact = answer.data?.impact as { certificates: unknown[] | null } | undefined;
        observed.push([who, codes.length > 0 ? codes.join(',') : `ALLOWED, ${impact?.certificates === null ? 'counts' : 'numbers'}`]);
      }
      expect(observed).toEqual([
        ['no key', 'UNAUTHENTICATED'],
        ['ACCREDITATION_BODY', 'ALLOWED, numbers'],
        ['CERTIFICATION_BODY of the rightful CB', 'ALLOWED, counts'],
        ['CERTIFICATION_BODY of another CB', 'ALLOWED, counts'],
        ['AUDITOR', 'ALLOWED, numbers'],
        ['SKILLS_FOCAL_POINT of the rightful country', 'FORBIDDEN'],
        ['SKILLS_FOCAL_POINT of another country', 'FORBIDDEN'],
        ['EMPLOYER', 'FORBIDDEN'],
        ['revoked key of the rightful role', 'UNAUTHENTICATED'],
      ]);
      expect(await world.fingerprint()).toEqual(before);
    }, 30_000);

    it('recognitionApplications (a host country\'s queue) answers the host-country CB, the ACCREDITATION_BODY and AUDITOR keys only, and writes nothing', async () => {
      const queue = 'query { result: recognitionApplications(status: PENDING, country: "MY") { totalCount nodes { applicationId status } } }';
      const expected: Record<Caller, string> = {
        'no key': 'UNAUTHENTICATED',
        ACCREDITATION_BODY: 'ALLOWED',
        'CERTIFICATION_BODY of the rightful CB': 'FORBIDDEN',
        'CERTIFICATION_BODY of another CB': 'ALLOWED',
        AUDITOR: 'ALLOWED',
        'SKILLS_FOCAL_POINT of the rightful country': 'FORBIDDEN',
        'SKILLS_FOCAL_POINT of another country': 'FORBIDDEN',
        EMPLOYER: 'FORBIDDEN',
        'revoked key of the rightful role': 'UNAUTHENTICATED',
      };
      const before = await world.fingerprint();
      const observed: Record<string, string> = {};
      for (const who of CALLERS) observed[who] = await outcomeFor(who, queue);
      // Here the "rightful CB" is the Thai one and "another CB" the Malaysian host: Malaysia's queue is the latter's.
      expect(observed).toEqual(expected);
      expect(await world.fingerprint()).toEqual(before);
    }, 30_000);

    it('certificates (a CB\'s own listing) answers the rightful CB for its own, the ACCREDITATION_BODY and AUDITOR keys naming it, and no one else', async () => {
      const listing = `query { result: certificates(certificationBodyId: "${TH.cbId}", first: 1) { totalCount } }`;
      const expected: Record<Caller, string> = {
        'no key': 'UNAUTHENTICATED',
        ACCREDITATION_BODY: 'ALLOWED',
        'CERTIFICATION_BODY of the rightful CB': 'ALLOWED',
        'CERTIFICATION_BODY of another CB': 'FORBIDDEN',
        AUDITOR: 'ALLOWED',
        'SKILLS_FOCAL_POINT of the rightful country': 'FORBIDDEN',
        'SKILLS_FOCAL_POINT of another country': 'FORBIDDEN',
        EMPLOYER: 'FORBIDDEN',
        'revoked key of the rightful role': 'UNAUTHENTICATED',
      };
      const before = await world.fingerprint();
      const observed: Record<string, string> = {};
      for (const who of CALLERS) observed[who] = await outcomeFor(who, listing);
      expect(observed).toEqual(expected);
      expect(await world.fingerprint()).toEqual(before);
    }, 30_000);

    it.each([
      ['historyConnection', `{ result: history(stream: "cb-${TH.cbId}") { revision } }`, `{ result: historyConnection(stream: "cb-${TH.cbId}", first: 1) { totalCount nodes { revision } } }`],
      ['watchesConnection', '{ result: watches { watchId } }', '{ result: watchesConnection(first: 1) { totalCount nodes { watchId deliveriesConnection(first: 1) { totalCount } } } }'],
    ])('%s (a list in pages) answers every caller exactly as the list beside it, and writes nothing', async (_, plain, paged) => {
      const before = await world.fingerprint();
      const observed: Array<[Caller, string]> = [];
      const expected: Array<[Caller, string]> = [];
      for (const who of CALLERS) {
        observed.push([who, await outcomeFor(who, paged)]);
        expected.push([who, await outcomeFor(who, plain)]);
      }
      expect(observed).toEqual(expected);
      // Neither is open to all: the rightful CB may, no key may not.
      expect(Object.fromEntries(observed)).toMatchObject({ 'no key': 'UNAUTHENTICATED', 'CERTIFICATION_BODY of the rightful CB': 'ALLOWED' });
      expect(await world.fingerprint()).toEqual(before);
    }, 30_000);

    it('the subscriptions (over WebSocket) follow what each caller may read: one exact answer for anyone, a CB\'s whole set for its own key, the accreditation body and auditors; nothing written', async () => {
      const SUBSCRIPTIONS = {
        recognitionChanged: 'subscription { recognitionChanged(certificateNumber: "TH-NONE-1", country: "MY") { factId } }',
        recognitionChangedForCertificationBody: `subscription { recognitionChangedForCertificationBody(cbId: "${TH.cbId}") { factId } }`,
      };
      const before = await world.fingerprint();
      const observed: Array<[Caller, string, string]> = [];
      for (const who of CALLERS) {
        const connection = new SubscriptionConnection(world.registry.baseUrl, caller(who));
        try {
          const pair = connection.subscribe(SUBSCRIPTIONS.recognitionChanged);
          const cb = connection.subscribe(SUBSCRIPTIONS.recognitionChangedForCertificationBody);
          // Accepted subscriptions stay silent; a refused probe on the same connection says the server has answered both.
          await connection.subscribe('subscription { recognitionChanged(certificateNumber: "", country: "MY") { factId } }').until(1);
          const outcome = (codes: string[]) => (codes.length > 0 ? codes.join(',') : 'ALLOWED');
          observed.push([who, outcome(pair.codes()), outcome(cb.codes())]);
        } finally {
          await connection.close();
        }
      }
      expect(observed).toEqual([
        ['no key', 'ALLOWED', 'UNAUTHENTICATED'],
        ['ACCREDITATION_BODY', 'ALLOWED', 'ALLOWED'],
        ['CERTIFICATION_BODY of the rightful CB', 'ALLOWED', 'ALLOWED'],
        ['CERTIFICATION_BODY of another CB', 'ALLOWED', 'FORBIDDEN'],
        ['AUDITOR', 'ALLOWED', 'ALLOWED'],
        ['SKILLS_FOCAL_POINT of the rightful country', 'ALLOWED', 'FORBIDDEN'],
        ['SKILLS_FOCAL_POINT of another country', 'ALLOWED', 'FORBIDDEN'],
        ['EMPLOYER', 'ALLOWED', 'FORBIDDEN'],
        ['revoked key of the rightful role', 'UNAUTHENTICATED', 'UNAUTHENTICATED'],
      ]);
      expect(await world.fingerprint()).toEqual(before);
    }, 30_000);

    it.each(Object.keys(PUBLIC_QUERIES))('%s answers every caller exactly as recognition does, and writes nothing', async (name) => {
      const observed: Array<[Caller, string]> = [];
      const expected: Array<[Caller, string]> = [];
      const before = await world.fingerprint();
      for (const who of CALLERS) {
        observed.push([who, await outcomeFor(who, PUBLIC_QUERIES[name])]);
        expected.push([who, await outcomeFor(who, PUBLIC_QUERIES.recognition)]);
      }
      expect(observed).toEqual(expected);
      expect(observed.filter(([, outcome]) => outcome === 'ALLOWED').map(([who]) => who)).toContain('no key');
      expect(await world.fingerprint()).toEqual(before);
    }, 30_000);
  });
});

describe('Authorization: the verification pages and the public bulk query × every caller', () => {
  let world: World;
  let number: string;

  beforeAll(async () => {
    world = await buildWorld();
    number = `TH-PAGES-${world.unique()}`;
    await world.must('issueCertificate', { cbId: TH.cbId, number, schemeCode: PS, holderName: 'Page Reader', issuedOn: '2024-01-01', validUntil: '2030-01-01' }, world.keys.th);
  }, 60_000);

  afterAll(async () => {
    await world?.registry.cleanup();
  });

  const keyFor = (caller: Caller): Promise<string | undefined> =>
    keyOf(world, { sentBy: 'CERTIFICATION_BODY' } as (typeof MUTATION_TABLE)[string], { input: {}, rightfulCb: TH } as Parameters<typeof keyOf>[2], caller);

  it.each(CALLERS)('pages are public and read no key: %s gets every page, and nothing is written', async (caller) => {
    const key = await keyFor(caller);
    const headers: Record<string, string> = key === undefined ? {} : { authorization: `Bearer ${key}` };
    const before = await world.fingerprint();
    const statuses: Record<string, number> = {};
    let statement = '';
    for (const path of [
      '/',
      `/verify/${number}?country=TH`,
      `/verify/${number}/pdf?country=TH`,
      `/verify/${number}/statement?country=TH`,
      '/verify/bulk',
      '/verify/statement',
      `/verify?number=${number}&country=TH`,
    ]) {
      const response = await fetch(new URL(path, world.registry.baseUrl), { headers, redirect: 'manual' });
      // An unread body keeps its connection busy, and the app from closing.
      if (path.includes('/statement?')) statement = await response.text();
      else await response.arrayBuffer();
      statuses[path] = response.status;
    }
    const checked = await fetch(new URL('/verify/statement', world.registry.baseUrl), { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: statement });
    statuses['POST /verify/statement'] = checked.status;
    expect(await checked.text()).toContain('The statement verifies');
    const bulk = await fetch(new URL('/verify/bulk?format=csv', world.registry.baseUrl), {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv' },
      body: `${number},TH`,
    });
    statuses['POST /verify/bulk'] = bulk.status;
    expect(await bulk.text()).toContain(`${number},TH,`);
    expect(statuses).toEqual({
      '/': 200,
      [`/verify/${number}?country=TH`]: 200,
      [`/verify/${number}/pdf?country=TH`]: 200,
      [`/verify/${number}/statement?country=TH`]: 200,
      '/verify/bulk': 200,
      '/verify/statement': 200,
      [`/verify?number=${number}&country=TH`]: 303,
      'POST /verify/bulk': 200,
      'POST /verify/statement': 200,
    });
    expect((await world.fingerprint()).hash).toBe(before.hash);
  }, 30_000);

  it.each(CALLERS)('recognitions(checks) is public like recognition: %s', async (caller) => {
    const answer = await graphql(world.registry.http, `query($checks: [RecognitionCheck!]!) { recognitions(checks: $checks) { recognized } }`, { checks: [{ certificateNumber: number, country: 'TH' }] }, await keyFor(caller));
    expect(errorCodes(answer)).toEqual(caller === 'revoked key of the rightful role' ? ['UNAUTHENTICATED'] : []);
  });
});
