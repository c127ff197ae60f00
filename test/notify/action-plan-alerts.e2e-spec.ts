import { errorCodes, graphql } from '../hostile/support/graphql-calls';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { describeOnEmbeddedStore } from '../support/test-store';
import { withEnvironment } from '../support/with-environment';
import { ADMIN_KEY, must, send, signatureVerifies, today } from './support/notify-world';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(60_000);

/** The server's clock, moved by the test. */
class SettableClock {
  constructor(public instant: Date) {}
  now(): Date {
    return new Date(this.instant.getTime());
  }
}

/** `days` after the real today (the store records events at the real time; the test moves the server's clock ahead). */
const day = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Delivered = { deliveryId: string; watchId: string; fact: { id: string; type: string; derived: boolean; data: Record<string, unknown> } };

// The alerts are derived from the log as every store serves it; the recognition webhooks suite proves the
// outbox on EventStoreDB, so this one runs on the embedded store only.
describeOnEmbeddedStore('alerts when an action-plan item becomes overdue, through the watches', () => {
  const clock = new SettableClock(new Date());
  const receiver = new WebhookReceiver();
  let registry: RunningRegistry;
  let base: string;
  let khKey: string;
  const secrets: Record<string, string> = {};

  const bodies = (path: string) => receiver.accepted(path).map((request) => JSON.parse(request.body) as Delivered);
  const said = (path: string) => bodies(path).map(({ fact }) => `${fact.type} ${String(fact.data.country)} ${String(fact.data.itemId)} ${String(fact.data.asOf)} ${String(fact.data.trigger)}`);

  beforeAll(async () => {
    base = await receiver.start();
    registry = await withEnvironment({ REGISTRY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }, () => startRegistry({ config: { adminKey: ADMIN_KEY }, seams: { clock } }));
    khKey = (await must(registry.http, 'createApiKey', { role: 'SKILLS_FOCAL_POINT', country: 'KH', label: 'KH skills focal point' }, ADMIN_KEY)).key;
    await must(registry.http, 'adoptActionPlan', { country: 'KH', title: 'Cambodia MRS action plan', targetCountries: ['TH'], adoptedOn: day(-10) }, khKey);
    for (const [itemId, dueOn] of [['assessors', day(0)], ['reference', day(1)]]) {
      await must(registry.http, 'addActionPlanItem', { country: 'KH', itemId, kind: 'TRAIN_ASSESSORS', description: `item ${itemId}`, dueOn }, khKey);
    }
    secrets.region = (await must(registry.http, 'createWatch', { watchId: 'ab-region', actionPlan: {}, url: `${base}/region` }, ADMIN_KEY)).secret;
    const employer = (await must(registry.http, 'createApiKey', { role: 'EMPLOYER', label: 'Acme HR' }, ADMIN_KEY)).key;
    await must(registry.http, 'createWatch', { watchId: 'acme-la', actionPlan: { country: 'LA' }, url: `${base}/la` }, employer);
    // A second before midnight on the due date: the watch's event re-arms the scheduler for the coming day.
    clock.instant = new Date(`${day(0)}T23:59:59Z`);
    secrets.kh = (await must(registry.http, 'createWatch', { watchId: 'kh-plan', actionPlan: { country: 'kh' }, url: `${base}/kh` }, khKey)).secret;
  });

  afterAll(async () => {
    await registry?.cleanup();
    await receiver.stop();
  });

  it("tells the focal point's watch, signed with its secret, when the due date has passed with no DONE report", async () => {
    expect(said('/kh')).toEqual([]);
    clock.instant = new Date(`${day(1)}T00:00:01Z`);

    await receiver.until(() => receiver.accepted('/kh').length >= 1 && receiver.accepted('/region').length >= 1);

    expect(said('/kh')).toEqual([`ActionPlanItemOverdue KH assessors ${day(1)} CALENDAR`]);
    expect(bodies('/kh')[0]).toMatchObject({ watchId: 'kh-plan', fact: { id: 'overdue:KH:assessors', derived: true, data: { dueOn: day(0), targetCountries: ['TH'] } } });
    const [delivery] = receiver.accepted('/kh');
    expect(signatureVerifies(secrets.kh, delivery.body, delivery.signature, clock.now().getTime())).toBe(true);
    expect(signatureVerifies(secrets.region, delivery.body, delivery.signature, clock.now().getTime())).toBe(false);
    expect(said('/region')).toEqual(said('/kh'));
  });

  it('tells it again when the overdue item is reported done, and lists the watch with its deliveries to its owner', async () => {
    await must(registry.http, 'reportActionPlanProgress', { country: 'KH', itemId: 'assessors', progress: 'DONE', note: '24 assessors trained', reportedOn: day(1) }, khKey);

    await receiver.until(() => receiver.accepted('/kh').length >= 2);

    expect(said('/kh')[1]).toBe(`ActionPlanItemOverdueCleared KH assessors ${day(1)} EVENT`);
    expect(bodies('/kh')[1].fact.data).toMatchObject({ doneOn: day(1) });
    const listed = await graphql(registry.http, '{ watches { watchId actionPlan { country } deliveries { type status } } }', {}, khKey);
    expect(listed.data?.watches).toEqual([
      { watchId: 'kh-plan', actionPlan: { country: 'KH' }, deliveries: expect.arrayContaining([{ type: 'ActionPlanItemOverdue', status: 'DELIVERED' }, { type: 'ActionPlanItemOverdueCleared', status: 'DELIVERED' }]) },
    ]);
  });

  it('refuses a focal point watching another country\'s plan, naming the rule', async () => {
    const answer = await send(registry.http, 'createWatch', { actionPlan: { country: 'LA' }, url: `${base}/kh` }, khKey);
    expect({ codes: errorCodes(answer), rule: answer.errors[0]?.extensions?.rule }).toEqual({ codes: ['FORBIDDEN'], rule: 'WATCH_TARGET_NOT_PERMITTED' });
  });

  it('after a restart past a due date, catches up: the alert missed while down is delivered, and nothing twice', async () => {
    await receiver.until(() => receiver.accepted('/region').length >= 2);
    await registry.stop();
    // Down over the next due date. (The store stamps events with the real time, which this test's clock is ahead
    // of: rebuilt, the first item's DONE report is judged before its date, so only the new alert is new.)
    clock.instant = new Date(`${day(5)}T09:00:00Z`);
    registry = await withEnvironment({ REGISTRY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' }, () => registry.restart());

    await receiver.until(() => receiver.accepted('/kh').length >= 3 && receiver.accepted('/region').length >= 3);
    // Long enough for anything delivered twice to have arrived.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    expect(said('/kh')).toEqual([
      `ActionPlanItemOverdue KH assessors ${day(1)} CALENDAR`,
      `ActionPlanItemOverdueCleared KH assessors ${day(1)} EVENT`,
      `ActionPlanItemOverdue KH reference ${day(2)} CALENDAR`,
    ]);
    expect(said('/region')).toEqual(said('/kh'));
    const ids = receiver.accepted('/kh').map((request) => request.deliveryId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(receiver.onPath('/la')).toEqual([]);
  });
});
