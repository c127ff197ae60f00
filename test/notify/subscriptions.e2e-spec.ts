import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { testStoreKind } from '../support/test-store';
import { withEnvironment } from '../support/with-environment';
import { ADMIN_KEY, MY_CB, TH_CB, issue, must, populate, today, type NotifyWorld } from './support/notify-world';
import { SubscriptionConnection } from './support/subscription-client';

jest.setTimeout(60_000);

// The refusals and caps do not depend on the store: the EventStoreDB leg proves only the delivery.
const itOnEmbeddedStore = testStoreKind() === 'embedded' ? it : it.skip;

const FIELDS = 'factId type certificateNumber country cbId asOf trigger arrangementId reasons { code } cause { stream type }';
const PAIR = `subscription($n: String!, $c: String!) { recognitionChanged(certificateNumber: $n, country: $c) { ${FIELDS} } }`;
const CB = `subscription($cb: String!) { recognitionChangedForCertificationBody(cbId: $cb) { ${FIELDS} } }`;

/** A subscription that has been accepted is silent until a fact arrives; one refused answers at once. Refusals are
 * awaited; acceptance is known once the server has had the time to refuse (a round trip on the same connection). */
async function settled(connection: SubscriptionConnection): Promise<void> {
  await connection.subscribe('subscription { recognitionChanged(certificateNumber: "", country: "MY") { factId } }').until(1);
}

describe('GraphQL subscriptions: told over WebSocket when an answer changes', () => {
  let registry: RunningRegistry;
  let world: NotifyWorld;
  const connections: SubscriptionConnection[] = [];
  const connect = (key?: string) => {
    const connection = new SubscriptionConnection(registry.baseUrl, key);
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    registry = await withEnvironment({ REGISTRY_SUBSCRIPTIONS_PER_KEY: '3', REGISTRY_SUBSCRIPTIONS_PER_CONNECTION: '2' }, () => startRegistry({ config: { adminKey: ADMIN_KEY } }));
    world = await populate(registry.http);
    await issue(registry.http, 'C-1', world.thKey);
  });

  afterAll(async () => {
    for (const connection of connections) await connection.close();
    await registry?.cleanup();
  });

  it("tells a keyless subscriber to one answer and the CB's own key of a suspension, within 1 s of the mutation's reply", async () => {
    const keyless = connect();
    const cb = connect(world.thKey);
    const pair = keyless.subscribe(PAIR, { n: 'C-1', c: 'my' });
    const own = cb.subscribe(CB, { cb: TH_CB });
    await settled(keyless);
    await settled(cb);
    expect([pair.errors, own.errors]).toEqual([undefined, undefined]);

    await must(registry.http, 'suspendCertificate', { number: 'C-1', effectiveOn: today(), reason: 'complaint under investigation' }, world.thKey);
    const replied = performance.now();
    await Promise.all([pair.until(1), own.until(2)]);

    expect(pair.received.map((r) => r.value.recognitionChanged)).toEqual([
      expect.objectContaining({ type: 'RecognitionLapsed', certificateNumber: 'C-1', country: 'MY', cbId: TH_CB, asOf: today(), trigger: 'EVENT', reasons: [{ code: 'CERTIFICATE_SUSPENDED' }], cause: { stream: 'certificate-C-1', type: 'CertificateSuspended' } }),
    ]);
    const ownFacts = own.received.map((r) => r.value.recognitionChangedForCertificationBody as Record<string, unknown>);
    expect(ownFacts.map((f) => `${f.type} ${f.country}`).sort()).toEqual(['RecognitionLapsed MY', 'RecognitionLapsed TH']);
    // The issue's contract: the change reaches the subscriber within 1 s of the mutation's reply.
    const latency = Math.max(...[...pair.received, ...own.received].map((r) => r.at - replied));
    console.log(`subscription latency after the mutation's reply: ${latency.toFixed(1)} ms`);
    expect(latency).toBeLessThan(1_000);
  });

  itOnEmbeddedStore('refuses what a caller may not follow, and hostile documents, with stable codes', async () => {
    const keyless = connect();
    const employer = connect(world.employerKey);
    const cb = connect(world.thKey);
    const wrongKey = connect('not-a-key');
    const refused = [
      [keyless.subscribe(CB, { cb: TH_CB }), 'UNAUTHENTICATED'],
      [employer.subscribe(CB, { cb: TH_CB }), 'FORBIDDEN'],
      [cb.subscribe(CB, { cb: MY_CB }), 'FORBIDDEN'],
      [wrongKey.subscribe(PAIR, { n: 'C-1', c: 'MY' }), 'UNAUTHENTICATED'],
      [keyless.subscribe(PAIR, { n: 'C-1', c: 'Malaysia' }), 'BAD_USER_INPUT'],
      [employer.subscribe(`subscription { recognitionChanged(certificateNumber: "C-1", country: "MY") { nope } }`), 'BAD_USER_INPUT'],
      [cb.subscribe(`subscription { recognitionChanged(certificateNumber: "C-1", country: "MY") { ${Array.from({ length: 120 }, (_, i) => `a${i}: factId`).join(' ')} } }`), 'QUERY_TOO_COMPLEX'],
    ] as const;
    await Promise.all(refused.map(([subscribed]) => subscribed.until(1)));
    expect(refused.map(([subscribed]) => subscribed.codes())).toEqual(refused.map(([, code]) => [code]));
    expect(refused.every(([subscribed]) => subscribed.received.length === 0)).toBe(true);
  });

  itOnEmbeddedStore('refuses wrongly typed or missing variables as BAD_USER_INPUT naming the variable, without logging an error', async () => {
    const log = registry.app.getHttpAdapter().getInstance().log;
    const errorLogs = jest.spyOn(log, 'error');
    try {
      const connection = connect();
      const refused = [
        connection.subscribe(PAIR, { n: 42, c: 'MY' }),
        connection.subscribe(PAIR, { c: 'MY' }),
        connection.subscribe(PAIR, { n: 'C-1', c: ['MY'] }),
      ];
      await Promise.all(refused.map((subscribed) => subscribed.until(1)));
      expect(refused.map((subscribed) => subscribed.codes())).toEqual([['BAD_USER_INPUT'], ['BAD_USER_INPUT'], ['BAD_USER_INPUT']]);
      expect(refused.map((subscribed) => subscribed.errors?.[0].extensions?.fields)).toEqual([
        [{ path: 'n', message: expect.stringContaining('String cannot represent') }],
        [{ path: 'n', message: expect.stringContaining('was not provided') }],
        [{ path: 'c', message: expect.stringContaining('String cannot represent') }],
      ]);
      expect(errorLogs).not.toHaveBeenCalled();
    } finally {
      errorLogs.mockRestore();
    }
  });

  itOnEmbeddedStore('caps the subscriptions per connection and per key (RATE_LIMITED), and frees a place when one stops', async () => {
    const first = connect(ADMIN_KEY);
    const second = connect(ADMIN_KEY);
    const open = [first.subscribe(CB, { cb: TH_CB }), first.subscribe(CB, { cb: MY_CB })];
    const overConnection = first.subscribe(CB, { cb: TH_CB });
    await overConnection.until(1);
    expect(overConnection.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_SUBSCRIPTIONS_ON_CONNECTION', limit: 2 });

    open.push(second.subscribe(CB, { cb: TH_CB }));
    const overKey = second.subscribe(CB, { cb: MY_CB });
    await overKey.until(1);
    expect(overKey.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'TOO_MANY_SUBSCRIPTIONS_FOR_KEY', limit: 3 });
    expect(open.map((s) => s.errors)).toEqual([undefined, undefined, undefined]);

    // Closing a connection frees its places (the server sees the close a moment later).
    await first.close();
    let again = second.subscribe(CB, { cb: MY_CB });
    await settled(second);
    for (let attempt = 0; again.errors !== undefined && attempt < 40; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = second.subscribe(CB, { cb: MY_CB });
      await settled(second);
    }
    expect(again.errors).toBeUndefined();
  });
});
