import type { EventStore } from '@registry/event-store';
import { EVENT_STORE } from '../../apps/registry/src/store';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';

jest.setTimeout(30_000);

const ADMIN_KEY = 'clock-e2e-admin-key-0123456789abcdef01';
const HEADERS = { authorization: `Bearer ${ADMIN_KEY}` };
const REGISTER_SCHEME = 'mutation($input: RegisterSchemeInput!) { registerScheme(input: $input) { position } }';

/** The server's clock, set by the test. */
class SettableClock {
  constructor(public instant: Date) {}
  now(): Date {
    return new Date(this.instant.getTime());
  }
}

async function lastPosition(registry: RunningRegistry): Promise<bigint> {
  const [last] = await registry.app.get<EventStore>(EVENT_STORE).readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
  return last?.position ?? 0n;
}

describe('a server clock that cannot be right', () => {
  let registry: RunningRegistry | undefined;
  afterEach(async () => {
    await registry?.cleanup();
  });

  it('past 9999-12-31: queries without asOf and every write are refused with the reason, queries with asOf answer', async () => {
    const clock = new SettableClock(new Date('2026-01-01T00:00:00Z'));
    registry = await startRegistry({ config: { adminKey: ADMIN_KEY }, seams: { clock } });
    await registry.http.graphql(REGISTER_SCHEME, { input: { code: 'CLK-1', title: 'before' } }, HEADERS);
    clock.instant = new Date('+010000-01-02T00:00:00Z');
    const before = await lastPosition(registry);

    const today = await registry.http.graphql('{ certificationBodies { id } }');
    const dated = await registry.http.graphql('{ certificationBodies(asOf: "2025-01-01") { id } }');
    const write = await registry.http.graphql(REGISTER_SCHEME, { input: { code: 'CLK-2', title: 'after' } }, HEADERS);

    expect(today.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'CLOCK_OUT_OF_RANGE' });
    expect(today.body.errors?.[0]?.message).toMatch(/\+010000-01-02.*asOf/);
    expect(dated.body).toEqual({ data: { certificationBodies: [] } });
    expect(write.body.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'CLOCK_OUT_OF_RANGE' });
    expect(await lastPosition(registry)).toBe(before);
  });

  it('set back behind the log: writes are refused (nothing recorded) rather than recordedAt going backwards', async () => {
    const clock = new SettableClock(new Date('2026-01-01T00:00:00Z'));
    registry = await startRegistry({ config: { adminKey: ADMIN_KEY }, seams: { clock } });
    await registry.http.graphql(REGISTER_SCHEME, { input: { code: 'CLK-3', title: 'before' } }, HEADERS);
    const before = await lastPosition(registry);

    clock.instant = new Date('1970-01-01T00:00:00Z');
    const refused = await registry.http.graphql(REGISTER_SCHEME, { input: { code: 'CLK-4', title: 'in 1970' } }, HEADERS);
    clock.instant = new Date('2025-12-31T23:58:00Z');
    const withinTolerance = await registry.http.graphql(REGISTER_SCHEME, { input: { code: 'CLK-5', title: 'two minutes behind' } }, HEADERS);

    expect(refused.body.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'CLOCK_BEHIND_LOG',
      latestRecordedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(withinTolerance.body.errors).toBeUndefined();
    expect(await lastPosition(registry)).toBeGreaterThan(before);
    const recorded = await registry.app.get<EventStore>(EVENT_STORE).readAll({ fromPosition: before + 1n });
    expect(recorded.map((event) => event.metadata.recordedAt)).toEqual(['2025-12-31T23:58:00.000Z']);
  });
});
