import { generateApiKey } from '../../apps/registry/src/auth';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';

type GraphqlError = { message: string; extensions?: Record<string, unknown> };
type Answer = { data: Record<string, unknown> | null; errors: GraphqlError[] };

const VQ = 'VQ-COOK-2';
const CERT = 'KH-COOK-2016-0001';
const RESULT = 'position events { stream type }';
const LEVELS = [1, 2, 3, 4].map((level) => ({ level, title: `Certificate ${level}` }));
const ONE_TO_ONE = [1, 2, 3, 4].map((level) => ({ nqfLevel: level, aqrfLevel: level }));
/** Thailand's level 3 sits at AQRF 2: a Cambodian level-2 qualification compares to Thai level 3. */
const TH_REFERENCES = [
  { nqfLevel: 1, aqrfLevel: 1 },
  { nqfLevel: 2, aqrfLevel: 1 },
  { nqfLevel: 3, aqrfLevel: 2 },
  { nqfLevel: 4, aqrfLevel: 3 },
];

describe('the mutual recognition of skills over HTTP', () => {
  let registry: RunningRegistry;
  const admin = generateApiKey().secret;
  const keys: Record<string, string> = {};

  async function call(query: string, variables: Record<string, unknown> = {}, key?: string): Promise<Answer> {
    const headers: Record<string, string> = key === undefined ? {} : { authorization: `Bearer ${key}` };
    const response = await registry.http.graphql<Record<string, unknown>>(query, variables, headers);
    return { data: response.body.data ?? null, errors: response.body.errors ?? [] };
  }

  async function mutate(name: string, input: Record<string, unknown>, key: string): Promise<Answer> {
    const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
    return call(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${RESULT} } }`, { input }, key);
  }

  async function must(name: string, input: Record<string, unknown>, key: string): Promise<{ events: { stream: string; type: string }[] }> {
    const answer = await mutate(name, input, key);
    expect({ name, errors: answer.errors }).toEqual({ name, errors: [] });
    return answer.data?.[name] as { events: { stream: string; type: string }[] };
  }

  async function query<T = Record<string, unknown>>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
    const answer = await call(text, variables);
    expect(answer.errors).toEqual([]);
    return answer.data as T;
  }

  beforeAll(async () => {
    registry = await startRegistry({ config: { adminKey: admin } });
    for (const country of ['KH', 'TH']) {
      const answer = await call(
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }',
        { input: { role: 'SKILLS_FOCAL_POINT', country, label: `${country} skills focal point` } },
        admin,
      );
      keys[country] = String((answer.data?.createApiKey as { key: string }).key);
    }
    await must('registerScheme', { code: VQ, title: 'Commis cook', sector: 'Tourism', occupation: 'Cook' }, admin);
    await must(
      'accreditCertificationBody',
      { cbId: 'kh-nea', name: 'National Employment Agency', country: 'KH', scope: [VQ], accreditedOn: '2015-01-01', validUntil: '2030-12-31' },
      admin,
    );
    const cb = await call(
      'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }',
      { input: { role: 'CERTIFICATION_BODY', cbId: 'kh-nea', label: 'NEA' } },
      admin,
    );
    keys.cb = String((cb.data?.createApiKey as { key: string }).key);
    await must('issueCertificate', { number: CERT, cbId: 'kh-nea', schemeCode: VQ, holderName: 'Sok Dara', issuedOn: '2016-01-10', validUntil: '2019-12-31' }, keys.cb);
  }, 60_000);

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('records a framework and its referencing through start, submit, endorse, amend and re-endorse, and shows the history on any date', async () => {
    const registered = await must('registerNationalFramework', { country: 'KH', title: 'Cambodia Qualifications Framework', levels: LEVELS }, keys.KH);
    expect(registered.events).toEqual([{ stream: 'nqf-KH', type: 'NationalFrameworkRegistered' }]);
    await must('startAqrfReferencing', { country: 'KH', references: ONE_TO_ONE, startedOn: '2014-03-01' }, keys.KH);
    await must('submitAqrfReferencing', { country: 'KH', submittedOn: '2014-09-01' }, keys.KH);
    await must('endorseAqrfReferencing', { country: 'KH', endorsedOn: '2015-05-01' }, admin);
    const raised = ONE_TO_ONE.map(({ nqfLevel }) => ({ nqfLevel, aqrfLevel: Math.min(nqfLevel + 1, 4) }));
    await must('amendAqrfReferencing', { country: 'KH', references: raised, amendedOn: '2017-02-01', reason: 'levels re-described' }, keys.KH);

    const framework = `query($asOf: Date) { nationalFramework(country: "kh", asOf: $asOf) {
      country levels { level title } referencing { version status since } endorsed { version endorsedOn references { nqfLevel aqrfLevel } }
      versions { version steps { status on reason ref { stream type } } } } }`;
    const pending = await query<{ nationalFramework: Record<string, unknown> }>(framework, { asOf: '2017-03-01' });
    expect(pending.nationalFramework).toMatchObject({
      country: 'KH',
      referencing: { version: 2, status: 'IN_PROGRESS', since: '2017-02-01' },
      endorsed: { version: 1, endorsedOn: '2015-05-01', references: ONE_TO_ONE },
    });
    expect((pending.nationalFramework.versions as { steps: { status: string; reason: string | null }[] }[]).map((v) => v.steps.map((s) => s.status))).toEqual([
      ['IN_PROGRESS', 'SUBMITTED', 'ENDORSED'],
      ['IN_PROGRESS'],
    ]);

    await must('submitAqrfReferencing', { country: 'KH', submittedOn: '2017-03-15' }, keys.KH);
    await must('endorseAqrfReferencing', { country: 'KH', endorsedOn: '2017-06-01' }, admin);
    const reEndorsed = await query<{ nationalFramework: { endorsed: unknown } }>(framework, { asOf: '2017-06-01' });
    expect(reEndorsed.nationalFramework.endorsed).toEqual({ version: 2, endorsedOn: '2017-06-01', references: raised });
    const before = await query<{ nationalFramework: { endorsed: unknown; referencing: unknown } }>(framework, { asOf: '2014-05-01' });
    expect(before.nationalFramework).toMatchObject({ endorsed: null, referencing: { version: 1, status: 'IN_PROGRESS' } });

    await must('registerNationalFramework', { country: 'TH', title: 'Thailand Professional Qualification Framework', levels: LEVELS }, keys.TH);
    await must('startAqrfReferencing', { country: 'TH', references: TH_REFERENCES, startedOn: '2014-01-01' }, keys.TH);
    await must('submitAqrfReferencing', { country: 'TH', submittedOn: '2014-06-01' }, keys.TH);
    await must('endorseAqrfReferencing', { country: 'TH', endorsedOn: '2015-03-01' }, admin);
    const all = await query<{ nationalFrameworks: { country: string }[] }>('{ nationalFrameworks { country } }');
    expect(all.nationalFrameworks.map((f) => f.country)).toEqual(['KH', 'TH']);
  });

  it("amends a framework's levels: the referencing of the new levels is endorsed again before it counts; the levels on any date and their history", async () => {
    const five = [...LEVELS, { level: 5, title: 'Diploma' }];
    const references = [...ONE_TO_ONE.map(({ nqfLevel }) => ({ nqfLevel, aqrfLevel: Math.min(nqfLevel + 1, 4) })), { nqfLevel: 5, aqrfLevel: 5 }];
    const unreferenced = await mutate('amendNationalFrameworkLevels', { country: 'KH', levels: five, amendedOn: '2018-01-01', reason: 'a diploma level' }, keys.KH);
    expect(unreferenced.errors.map((e) => [e.extensions?.code, e.extensions?.rule])).toEqual([['RULE_VIOLATED', 'REFERENCES_REQUIRED']]);

    const amended = await must('amendNationalFrameworkLevels', { country: 'KH', levels: five, references, amendedOn: '2018-01-01', reason: 'a diploma level' }, keys.KH);
    expect(amended.events).toEqual([
      { stream: 'nqf-KH', type: 'NationalFrameworkLevelsAmended' },
      { stream: 'nqf-KH', type: 'AqrfReferencingAmended' },
    ]);
    const framework = `query($asOf: Date) { nationalFramework(country: "KH", asOf: $asOf) {
      levels { level } levelHistory { from reason levels { level } ref { type } } referencing { version status } endorsed { version } } }`;
    const pending = await query<{ nationalFramework: Record<string, unknown> }>(framework, { asOf: '2018-02-01' });
    expect(pending.nationalFramework).toMatchObject({ referencing: { version: 3, status: 'IN_PROGRESS' }, endorsed: { version: 2 } });
    expect((pending.nationalFramework.levels as unknown[]).length).toBe(5);
    expect(pending.nationalFramework.levelHistory).toEqual([
      { from: null, reason: null, levels: LEVELS.map(({ level }) => ({ level })), ref: { type: 'NationalFrameworkRegistered' } },
      { from: '2018-01-01', reason: 'a diploma level', levels: five.map(({ level }) => ({ level })), ref: { type: 'NationalFrameworkLevelsAmended' } },
    ]);
    const earlier = await query<{ nationalFramework: { levels: unknown[] } }>(framework, { asOf: '2017-12-31' });
    expect(earlier.nationalFramework.levels).toHaveLength(4);

    await must('submitAqrfReferencing', { country: 'KH', submittedOn: '2018-02-15' }, keys.KH);
    await must('endorseAqrfReferencing', { country: 'KH', endorsedOn: '2018-05-01' }, admin);
    const reEndorsed = await query<{ nationalFramework: { endorsed: unknown } }>(framework, { asOf: '2018-05-01' });
    expect(reEndorsed.nationalFramework.endorsed).toEqual({ version: 3 });
  });

  it("refuses another country's focal point, and an endorsement by the country itself, as FORBIDDEN", async () => {
    const other = await mutate('registerNationalFramework', { country: 'LA', title: 'Lao NQF', levels: LEVELS }, keys.KH);
    expect(other.errors.map((e) => [e.extensions?.code, e.extensions?.rule])).toEqual([['FORBIDDEN', 'NOT_OWN_COUNTRY']]);
    const self = await mutate('endorseAqrfReferencing', { country: 'KH', endorsedOn: '2018-01-01' }, keys.KH);
    expect(self.errors.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('registers national qualifications, links a scheme to one, and lists them', async () => {
    await must(
      'registerNationalQualification',
      { id: 'KH-NQ-COOK-2', country: 'KH', title: 'Commis cook', occupation: 'Cook', sector: 'Tourism', nqfLevel: 2, awardingBody: 'National Training Board' },
      keys.KH,
    );
    await must('linkSchemeToQualification', { schemeCode: VQ, qualificationId: 'KH-NQ-COOK-2', linkedOn: '2015-06-01' }, admin);
    const read = await query(
      `{ nationalQualification(id: "KH-NQ-COOK-2") { country nqfLevel awardingBody }
         nationalQualifications(country: "KH") { id }
         schemeLink(schemeCode: "${VQ}", asOf: "2016-01-01") { current { qualificationId aqrfLevel linkedOn } links { ref { stream } } } }`,
    );
    expect(read).toEqual({
      nationalQualification: { country: 'KH', nqfLevel: 2, awardingBody: 'National Training Board' },
      nationalQualifications: [{ id: 'KH-NQ-COOK-2' }],
      schemeLink: { current: { qualificationId: 'KH-NQ-COOK-2', aqrfLevel: null, linkedOn: '2015-06-01' }, links: [{ ref: { stream: `schemelink-${VQ}` } }] },
    });
    const neither = await mutate('linkSchemeToQualification', { schemeCode: VQ, linkedOn: '2016-01-01' }, admin);
    expect(neither.errors.map((e) => e.extensions?.rule)).toEqual(['LINK_TARGET_REQUIRED']);
  });

  it('tells a priority occupation validated only once both social partners validated it, with who and when', async () => {
    for (const country of ['KH', 'TH']) {
      await must('proposePriorityOccupation', { country, code: 'COOK', sector: 'Tourism', occupation: 'Cook', proposedOn: '2013-10-01' }, keys[country]);
      await must(
        'validatePriorityOccupation',
        { country, code: 'COOK', partner: 'EMPLOYERS', organisation: `${country} employers`, representative: 'delegate', outcome: 'VALIDATED', validatedOn: '2014-09-24' },
        admin,
      );
    }
    const priorities = `query($asOf: Date) { priorityOccupations(country: "KH", asOf: $asOf) {
      code status missingPartners validations { partner organisation representative outcome validatedOn } } }`;
    const halfway = await query<{ priorityOccupations: unknown[] }>(priorities, { asOf: '2015-01-01' });
    expect(halfway.priorityOccupations).toEqual([
      {
        code: 'COOK',
        status: 'AWAITING_VALIDATION',
        missingPartners: ['WORKERS'],
        validations: [{ partner: 'EMPLOYERS', organisation: 'KH employers', representative: 'delegate', outcome: 'VALIDATED', validatedOn: '2014-09-24' }],
      },
    ]);
    for (const country of ['KH', 'TH']) {
      await must(
        'validatePriorityOccupation',
        { country, code: 'COOK', partner: 'WORKERS', organisation: `${country} trade unions`, outcome: 'VALIDATED', validatedOn: '2014-09-25' },
        admin,
      );
    }
    const validated = await query<{ priorityOccupations: { status: string }[] }>(priorities, { asOf: '2015-01-01' });
    expect(validated.priorityOccupations.map((p) => p.status)).toEqual(['VALIDATED']);
  });

  it('answers comparability (labelled as such) for a qualification and a certificate, refused with a reason before endorsement', async () => {
    const comparability = `query($q: String, $c: String, $asOf: Date) { comparability(qualificationId: $q, certificateNumber: $c, country: "TH", asOf: $asOf) {
      kind notice comparable priorityInBoth homeCountry homeNqfLevel aqrfLevel hostNqfLevels reasons { code message } evidence { stream type } } }`;
    const early = await query<{ comparability: Record<string, unknown> }>(comparability, { q: 'KH-NQ-COOK-2', asOf: '2015-04-01' });
    expect(early.comparability).toMatchObject({ kind: 'COMPARABILITY', comparable: false, hostNqfLevels: [] });
    expect((early.comparability.reasons as { code: string }[]).map((r) => r.code)).toEqual(['HOME_REFERENCING_NOT_ENDORSED']);

    const byQualification = await query<{ comparability: Record<string, unknown> }>(comparability, { q: 'KH-NQ-COOK-2', asOf: '2016-02-01' });
    expect(byQualification.comparability).toMatchObject({
      comparable: true,
      priorityInBoth: true,
      homeCountry: 'KH',
      homeNqfLevel: 2,
      aqrfLevel: 2,
      hostNqfLevels: [3],
      reasons: [],
    });
    expect(byQualification.comparability.notice).toMatch(/not recognition/);
    expect(byQualification.comparability.evidence).toEqual(expect.arrayContaining([{ stream: 'nqf-TH', type: 'AqrfReferencingEndorsed' }]));

    const byCertificate = await query<{ comparability: Record<string, unknown> }>(comparability, { c: CERT, asOf: '2016-02-01' });
    expect(byCertificate.comparability).toMatchObject({ comparable: true, hostNqfLevels: [3] });

    const both = await call(comparability, { q: 'KH-NQ-COOK-2', c: CERT });
    expect(both.errors.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('shows comparability alongside the recognition answer, never as recognition', async () => {
    const answer = await query<{ recognition: Record<string, unknown> }>(
      `{ recognition(certificateNumber: "${CERT}", country: "TH", asOf: "2016-02-01") { recognized reasons { code } comparability { kind comparable hostNqfLevels } } }`,
    );
    expect(answer.recognition).toEqual({
      recognized: false,
      reasons: [{ code: 'NO_ARRANGEMENT' }],
      comparability: { kind: 'COMPARABILITY', comparable: true, hostNqfLevels: [3] },
    });
    const unlinked = await query<{ recognition: { comparability: unknown } }>(
      `{ recognition(certificateNumber: "${CERT}", country: "TH", asOf: "2015-05-01") { comparability { kind } } }`,
    );
    expect(unlinked.recognition.comparability).toBeNull();
  });

  it('monitors action plans per country and for the region, on dates', async () => {
    await must('adoptActionPlan', { country: 'KH', title: 'Cambodia MRS action plan', targetCountries: ['TH', 'VN'], adoptedOn: '2015-08-11' }, keys.KH);
    await must('addActionPlanItem', { country: 'KH', itemId: 'reference', kind: 'REFERENCE_QUALIFICATION', description: 'Reference cook', dueOn: '2015-12-31' }, keys.KH);
    await must('addActionPlanItem', { country: 'KH', itemId: 'assessors', kind: 'TRAIN_ASSESSORS', description: 'Train assessors', dueOn: '2016-06-30' }, keys.KH);
    await must('reportActionPlanProgress', { country: 'KH', itemId: 'reference', progress: 'DONE', note: 'referenced', reportedOn: '2016-02-15' }, keys.KH);
    await must('reportActionPlanProgress', { country: 'KH', itemId: 'assessors', progress: 'IN_PROGRESS', note: '12 trained', reportedOn: '2016-03-01' }, keys.KH);

    const plan = `query($asOf: Date) { actionPlan(country: "KH", asOf: $asOf) { targetCountries counts { done onTrack overdue }
      items { itemId status doneOn late lastReport { progress reportedOn } } } }`;
    const january = await query<{ actionPlan: Record<string, unknown> }>(plan, { asOf: '2016-01-01' });
    expect(january.actionPlan).toEqual({
      targetCountries: ['TH', 'VN'],
      counts: { done: 0, onTrack: 1, overdue: 1 },
      items: [
        { itemId: 'reference', status: 'OVERDUE', doneOn: null, late: false, lastReport: null },
        { itemId: 'assessors', status: 'ON_TRACK', doneOn: null, late: false, lastReport: null },
      ],
    });
    const july = await query<{ actionPlan: { counts: unknown; items: { status: string }[] } }>(plan, { asOf: '2016-07-01' });
    expect(july.actionPlan.items.map((item) => item.status)).toEqual(['DONE', 'OVERDUE']);

    const region = await query<{ actionPlanMonitoring: Record<string, unknown> }>(
      '{ actionPlanMonitoring(asOf: "2016-07-01") { counts { done onTrack overdue } countries { country counts { overdue } } } }',
    );
    expect(region.actionPlanMonitoring).toEqual({ counts: { done: 1, onTrack: 0, overdue: 1 }, countries: [{ country: 'KH', counts: { overdue: 1 } }] });

    await must('amendActionPlanTargets', { country: 'KH', targetCountries: ['TH', 'VN', 'LA'], amendedOn: '2017-01-10', reason: 'Lao PDR joins' }, keys.KH);
    const targets = `query($asOf: Date) { actionPlan(country: "KH", asOf: $asOf) { targetCountries targetHistory { targetCountries from reason ref { type } } } }`;
    const beforeAmendment = await query<{ actionPlan: { targetCountries: string[] } }>(targets, { asOf: '2017-01-09' });
    const afterAmendment = await query<{ actionPlan: { targetCountries: string[]; targetHistory: unknown[] } }>(targets, { asOf: '2017-01-10' });
    expect(beforeAmendment.actionPlan.targetCountries).toEqual(['TH', 'VN']);
    expect(afterAmendment.actionPlan).toEqual({
      targetCountries: ['TH', 'VN', 'LA'],
      targetHistory: [
        { targetCountries: ['TH', 'VN'], from: '2015-08-11', reason: null, ref: { type: 'ActionPlanAdopted' } },
        { targetCountries: ['TH', 'VN', 'LA'], from: '2017-01-10', reason: 'Lao PDR joins', ref: { type: 'ActionPlanTargetsAmended' } },
      ],
    });
    const unchanged = await mutate('amendActionPlanTargets', { country: 'KH', targetCountries: ['LA', 'TH', 'VN'], amendedOn: '2017-02-01', reason: 'again' }, keys.KH);
    expect(unchanged.errors.map((e) => e.extensions?.rule)).toEqual(['TARGETS_UNCHANGED']);

    const late = await mutate('reportActionPlanProgress', { country: 'KH', itemId: 'assessors', progress: 'DONE', note: 'x', reportedOn: '2016-07-02' }, keys.TH);
    expect(late.errors.map((e) => e.extensions?.rule)).toEqual(['NOT_OWN_COUNTRY']);
  });
});
