import { errorCodes, graphql } from '../hostile/support/graphql-calls';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { withEnvironment } from '../support/with-environment';
import { ADMIN_KEY, MRA, TH_CB, issue, must, populate, send, signatureVerifies, today, type NotifyWorld } from './support/notify-world';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(60_000);

const WATCHES = '{ watches { watchId url certificates { certificateNumber country } certificationBodyId arrangementId secretVersion deleted lastError deliveries { deliveryId type status attempts lastError } } }';

type Delivered = { deliveryId: string; watchId: string; fact: { type: string; derived: boolean; data: Record<string, unknown> } };

describe('webhooks: watches are told when answers change', () => {
  let registry: RunningRegistry;
  let world: NotifyWorld;
  let base: string;
  // The CB's receiver fails every delivery three times before it accepts it; /redirect always answers 302.
  const receiver = new WebhookReceiver((path, attempt) => (path === '/cb' && attempt <= 3 ? 500 : path === '/redirect' ? 302 : 200));
  const secrets: Record<string, string> = {};

  beforeAll(async () => {
    base = await receiver.start();
    registry = await withEnvironment(
      { REGISTRY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', REGISTRY_WEBHOOK_BACKOFF_BASE_MS: '50', REGISTRY_WEBHOOK_GIVE_UP_AFTER_MS: '1500' },
      () => startRegistry({ config: { adminKey: ADMIN_KEY } }),
    );
    world = await populate(registry.http);
    await issue(registry.http, 'C-1', world.thKey);
    await issue(registry.http, 'C-2', world.thKey);
    secrets.employer = (await must(registry.http, 'createWatch', { watchId: 'acme-nurses', certificates: [{ certificateNumber: 'C-1', country: 'my' }], url: `${base}/employer` }, world.employerKey)).secret;
    secrets.cb = (await must(registry.http, 'createWatch', { watchId: 'ftpi-all', certificationBodyId: TH_CB, url: `${base}/cb` }, world.thKey)).secret;
  });

  afterAll(async () => {
    await registry?.cleanup();
    await receiver.stop();
  });

  const bodies = (path: string) => receiver.accepted(path).map((r) => JSON.parse(r.body) as Delivered);

  it('answers what a decision would cost before it is taken, with numbers for the accreditation body and counts for a CB, and records nothing', async () => {
    const query = `query($of: ImpactInput!) { impact(of: $of) { total byCountry { key count } byScheme { key count } certificates { certificateNumber country } } }`;
    const of = { withdrawArrangementParty: { arrangementId: MRA, cbId: 'my-mpc', effectiveOn: today() } };
    const before = await registry.http.get<{ store: { lastPosition: string } }>('/health');

    const ab = await graphql(registry.http, query, { of }, ADMIN_KEY);
    const cb = await graphql(registry.http, query, { of }, world.thKey);

    expect(ab.data?.impact).toEqual({
      total: 2,
      byCountry: [{ key: 'MY', count: 2 }],
      byScheme: [{ key: 'APO-PS 101:2023', count: 2 }],
      certificates: [
        { certificateNumber: 'C-1', country: 'MY' },
        { certificateNumber: 'C-2', country: 'MY' },
      ],
    });
    expect(cb.data?.impact).toMatchObject({ total: 2, certificates: null });
    expect(errorCodes(await graphql(registry.http, query, { of }, world.employerKey))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graphql(registry.http, query, { of }))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await graphql(registry.http, query, { of: {} }, ADMIN_KEY))).toEqual(['BAD_USER_INPUT']);
    expect((await registry.http.get<{ store: { lastPosition: string } }>('/health')).body.store.lastPosition).toBe(before.body.store.lastPosition);
  });

  it("delivers each watch exactly the facts it follows, signed with its secret; a receiver failing three times gets each delivery once", async () => {
    await must(registry.http, 'suspendCertificate', { number: 'C-1', effectiveOn: today(), reason: 'complaint under investigation' }, world.thKey);

    await receiver.until(() => receiver.accepted('/employer').length >= 1 && receiver.accepted('/cb').length >= 2);

    expect(bodies('/employer').map((d) => [d.fact.type, d.fact.data.certificateNumber, d.fact.data.country, d.fact.derived])).toEqual([['RecognitionLapsed', 'C-1', 'MY', true]]);
    expect(bodies('/employer')[0].fact.data).toMatchObject({ cbId: TH_CB, asOf: today(), trigger: 'EVENT', arrangementId: MRA, reasons: [{ code: 'CERTIFICATE_SUSPENDED' }] });
    expect(bodies('/cb').map((d) => `${d.fact.type} ${d.fact.data.certificateNumber} ${d.fact.data.country}`).sort()).toEqual(['RecognitionLapsed C-1 MY', 'RecognitionLapsed C-1 TH']);
    for (const [path, secret] of [['/employer', secrets.employer], ['/cb', secrets.cb]]) {
      for (const request of receiver.onPath(path)) expect(signatureVerifies(secret, request.body, request.signature)).toBe(true);
      expect(receiver.accepted(path).every((request) => request.deliveryId === (JSON.parse(request.body) as Delivered).deliveryId)).toBe(true);
    }
    expect(signatureVerifies(secrets.employer, receiver.onPath('/cb')[0].body, receiver.onPath('/cb')[0].signature)).toBe(false);
    // Three failures, then accepted once, under the same delivery id.
    const attempts = new Map<string, number[]>();
    for (const request of receiver.onPath('/cb')) attempts.set(request.deliveryId, [...(attempts.get(request.deliveryId) ?? []), request.status]);
    expect([...attempts.values()]).toEqual([
      [500, 500, 500, 200],
      [500, 500, 500, 200],
    ]);
    const seen = await graphql(registry.http, WATCHES, {}, world.thKey);
    expect(seen.data?.watches).toEqual([
      expect.objectContaining({ watchId: 'ftpi-all', certificationBodyId: TH_CB, lastError: null, deliveries: expect.arrayContaining([expect.objectContaining({ status: 'DELIVERED', attempts: 4, lastError: null })]) }),
    ]);
  });

  it('signs with the new secret only once the owner rotates it, and tells of the answer restored', async () => {
    const rotated = await must(registry.http, 'rotateWatchSecret', { watchId: 'acme-nurses' }, world.employerKey);
    await must(registry.http, 'reinstateCertificate', { number: 'C-1', effectiveOn: today(), reason: 'complaint dismissed' }, world.thKey);

    await receiver.until(() => receiver.accepted('/employer').length >= 2);

    const [, restored] = receiver.accepted('/employer');
    expect((JSON.parse(restored.body) as Delivered).fact).toMatchObject({ type: 'RecognitionRestored', data: { certificateNumber: 'C-1', country: 'MY', basis: 'ARRANGEMENT' } });
    expect(signatureVerifies(rotated.secret, restored.body, restored.signature)).toBe(true);
    expect(signatureVerifies(secrets.employer, restored.body, restored.signature)).toBe(false);
  });

  it('lists only your own watches, with their deliveries; others see none of them', async () => {
    const own = await graphql(registry.http, WATCHES, {}, world.employerKey);
    expect(own.data?.watches).toEqual([
      expect.objectContaining({ watchId: 'acme-nurses', certificates: [{ certificateNumber: 'C-1', country: 'MY' }], secretVersion: 2, deleted: false }),
    ]);
    const other = (await must(registry.http, 'createApiKey', { role: 'EMPLOYER', label: 'another employer' }, ADMIN_KEY)).key;
    expect((await graphql(registry.http, WATCHES, {}, other)).data?.watches).toEqual([]);
    expect(errorCodes(await send(registry.http, 'deleteWatch', { watchId: 'acme-nurses' }, other))).toEqual(['FORBIDDEN']);
    expect((await graphql(registry.http, WATCHES, {}, ADMIN_KEY)).data?.watches).toEqual([]);
    expect(errorCodes(await graphql(registry.http, WATCHES))).toEqual(['UNAUTHENTICATED']);
  });

  it("pages through a watch's deliveries, newest first, to the end: the same ones as its latest deliveries, each once; another watch's cursor is refused", async () => {
    const PAGED = `query($first: Int, $after: String) { watchesConnection { totalCount nodes { watchId deliveries { deliveryId }
      deliveriesConnection(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { deliveryId } } } } }`;
    type Paged = { watchId: string; deliveries: { deliveryId: string }[]; deliveriesConnection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { deliveryId: string }[] } };
    const watchOf = async (key: string, after: string | null): Promise<Paged> => {
      const answer = await graphql(registry.http, PAGED, { first: 1, after }, key);
      expect(answer.errors).toEqual([]);
      return (answer.data?.watchesConnection as { nodes: Paged[] }).nodes[0];
    };
    const walked: string[] = [];
    let after: string | null = null;
    let latest: string[] = [];
    for (let page = 0; page < 60; page++) {
      const watch = await watchOf(world.thKey, after);
      latest = watch.deliveries.map((delivery) => delivery.deliveryId);
      walked.push(...watch.deliveriesConnection.nodes.map((node) => node.deliveryId));
      expect(watch.deliveriesConnection.totalCount).toBe(latest.length);
      if (!watch.deliveriesConnection.pageInfo.hasNextPage) break;
      after = watch.deliveriesConnection.pageInfo.endCursor;
    }

    expect(walked.length).toBeGreaterThan(1);
    expect(walked).toEqual(latest);
    const foreign = await graphql(registry.http, PAGED, { first: 1, after }, world.employerKey);
    expect(errorCodes(foreign)).toEqual(['BAD_USER_INPUT']);
    expect(foreign.errors[0]?.extensions?.fields).toEqual([expect.objectContaining({ path: 'after' })]);
  });

  it("refuses webhooks into the registry's own network, naming the rule", async () => {
    for (const url of ['http://10.0.0.7/hook', 'http://169.254.169.254/latest/meta-data', 'http://localhost:4000/hook', 'http://[::1]/hook']) {
      const answer = await send(registry.http, 'createWatch', { certificates: [{ certificateNumber: 'C-2', country: 'MY' }], url }, world.employerKey);
      expect({ url, codes: errorCodes(answer), rule: answer.errors[0]?.extensions?.rule }).toEqual({ url, codes: ['FORBIDDEN'], rule: 'WEBHOOK_TARGET_NOT_ALLOWED' });
    }
  });

  it('does not follow a redirect, and dead-letters a delivery that keeps failing, showing the owner the last error', async () => {
    await must(registry.http, 'createWatch', { watchId: 'redirected', certificates: [{ certificateNumber: 'C-2', country: 'MY' }], url: `${base}/redirect` }, world.employerKey);
    await must(registry.http, 'suspendCertificate', { number: 'C-2', effectiveOn: today(), reason: 'complaint under investigation' }, world.thKey);

    await receiver.until(() => receiver.onPath('/redirect').length >= 2);
    let watch: { deliveries: { status: string; lastError: string | null }[]; lastError: string | null } | undefined;
    for (let tries = 0; tries < 50 && watch?.deliveries[0]?.status !== 'DEAD'; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const listed = (await graphql(registry.http, WATCHES, {}, world.employerKey)).data?.watches as { watchId: string }[];
      watch = listed.find((w) => w.watchId === 'redirected') as typeof watch;
    }

    expect(watch).toMatchObject({ lastError: 'HTTP 302: redirects are not followed', deliveries: [{ status: 'DEAD', lastError: 'HTTP 302: redirects are not followed' }] });
    expect(receiver.received.some((request) => request.path !== '/redirect' && request.path.includes('169.254'))).toBe(false);
  });

  it('sends nothing more through a deleted watch', async () => {
    await must(registry.http, 'deleteWatch', { watchId: 'acme-nurses' }, world.employerKey);
    const before = receiver.onPath('/employer').length;
    await must(registry.http, 'suspendCertificate', { number: 'C-1', effectiveOn: today(), reason: 'again' }, world.thKey);
    await receiver.until(() => receiver.accepted('/cb').length >= 5);

    expect(receiver.onPath('/employer')).toHaveLength(before);
  });
});
