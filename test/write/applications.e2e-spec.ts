import { errorCodes, graphql } from '../hostile/support/graphql-calls';
import { buildWorld, MY, PS, TH, type World } from '../hostile/support/world';

const RECOGNITION = `query($number: String!, $asOf: Date) {
  recognition(certificateNumber: $number, country: "MY", asOf: $asOf) {
    recognized basis validUntil conditions decidedOnApplication reasons { code } evidence { type }
  }
}`;

const QUEUE = `query($status: ApplicationStatus, $asOf: Date, $first: Int, $after: String) {
  recognitionApplications(status: $status, asOf: $asOf, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { applicationId certificateNumber country arrangementId appliedOn note status decidedOn decisionDueBy overdue }
  }
}`;

const HISTORY = 'query($stream: String!) { history(stream: $stream) { type data } }';

type Queue = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: { applicationId: string; status: string; overdue: boolean; decisionDueBy: string | null; certificateNumber: string }[];
};

/** Recognition on application over HTTP: a Thai CB applies in Malaysia, the Malaysian CB decides from its queue. */
describe('applications for recognition, decisions and corrections, over HTTP', () => {
  let world: World;
  const ARRANGEMENT = 'mra-th-my-period';

  async function ask<T>(text: string, variables: Record<string, unknown>, key?: string): Promise<T> {
    const answer = await graphql(world.registry.http, text, variables, key);
    expect(answer.errors).toEqual([]);
    return answer.data as T;
  }

  const recognition = async (number: string, asOf: string) =>
    (await ask<{ recognition: Record<string, unknown> & { reasons: { code: string }[] } }>(RECOGNITION, { number, asOf })).recognition;
  const queue = async (variables: Record<string, unknown>, key = world.keys.my) => (await ask<{ recognitionApplications: Queue }>(QUEUE, variables, key)).recognitionApplications;
  /** An auditor's reading of a stream, each event's data parsed. */
  const history = async (stream: string) =>
    (await ask<{ history: { type: string; data: string }[] }>(HISTORY, { stream }, world.keys.auditor)).history.map((event) => ({
      type: event.type,
      data: JSON.parse(event.data) as Record<string, unknown>,
    }));
  const issue = async (number: string) =>
    world.must('issueCertificate', { number, cbId: TH.cbId, schemeCode: PS, holderName: 'Somchai Jaidee', issuedOn: '2024-03-01', validUntil: '2027-02-28' }, world.keys.th);
  const apply = (number: string, appliedOn: string, note: string | null = null) =>
    world.send('applyForRecognition', { certificateNumber: number, country: MY.country, arrangementId: ARRANGEMENT, appliedOn, note }, world.keys.th);

  beforeAll(async () => {
    world = await buildWorld();
    const parties = [TH.cbId, MY.cbId];
    await world.must(
      'signArrangement',
      { id: ARRANGEMENT, title: 'TH-MY on application, 30 days', parties, schemes: [PS], mode: 'ON_APPLICATION', effectiveFrom: '2023-06-01', decisionPeriodDays: 30 },
      world.keys.admin,
    );
    await issue('TH-APP-1');
    await issue('TH-APP-2');
  }, 60_000);

  afterAll(async () => {
    await world?.registry.cleanup();
  });

  it('an application enters the host CB\'s queue, is said pending in the answer, then overdue past the decision period', async () => {
    expect(errorCodes(await apply('TH-APP-1', '2025-05-01', 'ten years in practice'))).toEqual([]);

    const pending = await queue({ status: 'PENDING', asOf: '2025-05-15' });
    expect(pending.nodes).toEqual([
      expect.objectContaining({ applicationId: 'TH-APP-1/MY/1', status: 'PENDING', decisionDueBy: '2025-05-31', overdue: false, appliedOn: '2025-05-01' }),
    ]);
    expect((await queue({ status: 'PENDING', asOf: '2025-06-01' })).nodes[0].overdue).toBe(true);
    expect((await recognition('TH-APP-1', '2025-05-15')).reasons.map((reason) => reason.code)).toEqual(['RECOGNITION_NOT_GRANTED', 'APPLICATION_PENDING']);
    expect((await recognition('TH-APP-1', '2025-06-01')).reasons.map((reason) => reason.code)).toEqual([
      'RECOGNITION_NOT_GRANTED',
      'APPLICATION_PENDING',
      'DECISION_OVERDUE',
    ]);
    // The applicant's own country is not the host: its CB sees its own country's queue, not Malaysia's.
    expect((await queue({ status: 'PENDING' }, world.keys.th)).totalCount).toBe(0);
  });

  it('refuses a second application while one is pending, and writes nothing', async () => {
    const answer = await apply('TH-APP-1', '2025-05-02');
    expect(answer.errors.map((error) => [error.extensions?.code, error.extensions?.rule])).toEqual([['CONFLICT', 'APPLICATION_ALREADY_PENDING']]);
  });

  it('a refusal takes the application out of the queue; a new application is numbered 2 and a grant decides it, with conditions and an end', async () => {
    await world.must(
      'refuseRecognition',
      { certificateNumber: 'TH-APP-1', country: MY.country, decidedOn: '2025-06-10', reasonCode: 'NATIONAL_REQUIREMENT_NOT_MET', note: 'licence needed' },
      world.keys.my,
    );
    expect((await queue({ status: 'PENDING' })).totalCount).toBe(0);
    expect((await queue({ status: 'REFUSED' })).nodes.map((node) => node.applicationId)).toEqual(['TH-APP-1/MY/1']);
    expect((await recognition('TH-APP-1', '2025-06-11')).reasons.map((reason) => reason.code)).toEqual(['RECOGNITION_NOT_GRANTED']);

    expect(errorCodes(await apply('TH-APP-1', '2025-06-15', 'licence obtained'))).toEqual([]);
    await world.must(
      'grantRecognition',
      { certificateNumber: 'TH-APP-1', country: MY.country, arrangementId: ARRANGEMENT, decidedOn: '2025-07-01', conditions: 'supervised for six months', validUntil: '2026-06-30' },
      world.keys.my,
    );
    expect(await recognition('TH-APP-1', '2025-07-01')).toMatchObject({
      recognized: true,
      basis: 'DECISION',
      decidedOnApplication: true,
      conditions: 'supervised for six months',
      validUntil: '2026-06-30',
    });
    expect((await recognition('TH-APP-1', '2026-07-01')).recognized).toBe(false);
    const decided = await history('recognition-TH-APP-1-MY');
    expect(decided.map((event) => [event.type, event.data.applicationId ?? null])).toEqual([
      ['RecognitionApplied', 'TH-APP-1/MY/1'],
      ['RecognitionRefused', 'TH-APP-1/MY/1'],
      ['RecognitionApplied', 'TH-APP-1/MY/2'],
      ['RecognitionGranted', 'TH-APP-1/MY/2'],
    ]);
    // Both CBs read this stream: the applicant's certificate, and the host's decisions.
    for (const key of [world.keys.th, world.keys.my]) expect((await graphql(world.registry.http, HISTORY, { stream: 'recognition-TH-APP-1-MY' }, key)).errors).toEqual([]);
  });

  it('a grant taken without an application is still possible, and the answer says so', async () => {
    await world.must('grantRecognition', { certificateNumber: 'TH-APP-2', country: MY.country, arrangementId: ARRANGEMENT, decidedOn: '2025-07-01' }, world.keys.my);
    expect(await recognition('TH-APP-2', '2025-07-02')).toMatchObject({ recognized: true, basis: 'DECISION', decidedOnApplication: false });
  });

  it('pages through the queue with cursors and a total count', async () => {
    const all = await queue({});
    expect(all.totalCount).toBe(2);
    const first = await queue({ first: 1 });
    expect(first).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const second = await queue({ first: 1, after: first.pageInfo.endCursor });
    expect(second).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: false } });
    expect([...first.nodes, ...second.nodes].map((node) => node.applicationId)).toEqual(all.nodes.map((node) => node.applicationId));
  });

  it('a CB lists its own certificates, filtered, in pages, with the names of its body and scheme', async () => {
    const LIST = `query($filter: CertificateFilter, $first: Int, $after: String) {
      certificates(filter: $filter, asOf: "2025-07-02", first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } nodes { number status certificationBody { name country } scheme { title } }
      }
    }`;
    type Listing = { certificates: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { number: string }[] } };
    const list = async (variables: Record<string, unknown>) => (await ask<Listing>(LIST, variables, world.keys.th)).certificates;
    const all = await list({ filter: { schemeCode: PS } });
    expect(all.nodes.map((node) => node.number)).toEqual(expect.arrayContaining(['TH-APP-1', 'TH-APP-2']));
    expect(all.nodes[0]).toMatchObject({ status: 'ACTIVE', certificationBody: { country: 'TH' }, scheme: { title: expect.any(String) } });
    expect((await list({ filter: { recognizedIn: 'MY' } })).nodes.map((node) => node.number)).toEqual(['TH-APP-1', 'TH-APP-2']);
    expect((await list({ filter: { expiringBefore: '2027-03-01' } })).totalCount).toBe(all.totalCount);
    expect((await list({ filter: { expiringBefore: '2027-02-28' } })).totalCount).toBe(0);
    expect((await list({ filter: { status: 'SUSPENDED' } })).totalCount).toBe(0);
    const first = await list({ first: 1 });
    const rest = await list({ first: 1000, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...rest.nodes].map((node) => node.number)).toEqual((await list({})).nodes.map((node) => node.number));
    // Another CB's key sees none of them.
    const theirs = await ask<Listing>(LIST, {}, world.keys.my);
    expect(theirs.certificates.nodes.map((node) => node.number)).not.toContain('TH-APP-1');
  });

  it('a correction shows in the public answer, both values in the history, and the old value known before it', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await world.must('correctCertificate', { number: 'TH-APP-2', field: 'HOLDER_NAME', value: 'Somchai Jaidii', reason: 'misspelt at issue' }, world.keys.th);

    const CERTIFICATE = 'query($knownAt: String) { certificate(number: "TH-APP-2", knownAt: $knownAt) { holderName } }';
    expect(await ask(CERTIFICATE, {})).toEqual({ certificate: { holderName: 'Somchai Jaidii' } });
    expect(await ask(CERTIFICATE, { knownAt: before })).toEqual({ certificate: { holderName: 'Somchai Jaidee' } });
    expect((await history('certificate-TH-APP-2')).at(-1)).toEqual({
      type: 'CertificateCorrected',
      data: { number: 'TH-APP-2', field: 'holderName', from: 'Somchai Jaidee', to: 'Somchai Jaidii', reason: 'misspelt at issue' },
    });

    const renumber = await world.send('correctCertificate', { number: 'TH-APP-2', field: 'NUMBER', value: 'TH-APP-3', reason: 'wrong number' }, world.keys.th);
    expect(errorCodes(renumber)).toEqual(['BAD_USER_INPUT']);
    const another = await world.send('correctCertificate', { number: 'TH-APP-2', field: 'HOLDER_NAME', value: 'X', reason: 'not ours' }, world.keys.my);
    expect(another.errors.map((error) => error.extensions?.rule)).toEqual(['NOT_OWN_CERTIFICATE']);
  });
});
