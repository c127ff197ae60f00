import { graphql } from '../hostile/support/graphql-calls';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { ADMIN_KEY, issue, must, populate, TH_CB, type NotifyWorld } from './support/notify-world';

jest.setTimeout(60_000);

/** The server's clock, moved by the test. */
class SettableClock {
  constructor(public instant: Date) {}
  now(): Date {
    return new Date(this.instant.getTime());
  }
}

type Recorded = { id: string; type: string; data: string; metadata: string };

async function history(registry: RunningRegistry, stream: string): Promise<Recorded[]> {
  const answer = await graphql(registry.http, 'query($stream: String!) { history(stream: $stream) { id type data metadata } }', { stream }, ADMIN_KEY);
  return answer.data?.history as Recorded[];
}

describe('suspensions with an end: the process manager withdraws what is not reinstated by then', () => {
  const clock = new SettableClock(new Date('2026-01-10T09:00:00Z'));
  let registry: RunningRegistry;
  let world: NotifyWorld;

  beforeAll(async () => {
    registry = await startRegistry({ config: { adminKey: ADMIN_KEY }, seams: { clock } });
    world = await populate(registry.http);
    for (const number of ['U-1', 'U-2', 'U-3']) await issue(registry.http, number, world.thKey);
    const suspend = (number: string, until: string | null) =>
      must(registry.http, 'suspendCertificate', { number, effectiveOn: '2026-01-05', reason: 'under investigation', until }, world.thKey);
    await suspend('U-1', '2026-01-20');
    await suspend('U-2', '2026-01-20');
    await suspend('U-3', null);
    await must(registry.http, 'reinstateCertificate', { number: 'U-2', effectiveOn: '2026-01-15', reason: 'cleared' }, world.thKey);
    await must(registry.http, 'suspendAccreditation', { cbId: TH_CB, effectiveOn: '2026-01-08', reason: 'audit findings', until: '2026-01-25' }, ADMIN_KEY);
    await registry.stop();
    // The registry was down on the day: the deadlines are in the past when it starts again.
    clock.instant = new Date('2026-02-01T09:00:00Z');
    registry = await registry.restart();
    // Carried out as soon as the process manager has caught up with the log, in the background of the start.
    for (let tries = 0; tries < 100; tries++) {
      if ((await history(registry, `cb-${TH_CB}`)).some((event) => event.type === 'AccreditationWithdrawn')) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('carries out, on start, a certificate suspension whose end passed while it was down, recording the suspension as its cause', async () => {
    const events = await history(registry, 'certificate-U-1');
    const suspension = events.find((event) => event.type === 'CertificateSuspended')!;
    const withdrawal = events.find((event) => event.type === 'CertificateWithdrawn');

    expect(withdrawal).toBeDefined();
    expect(JSON.parse(withdrawal!.data)).toMatchObject({ number: 'U-1', effectiveOn: '2026-01-20', reason: 'suspended until 2026-01-20 and not reinstated by then' });
    expect(JSON.parse(withdrawal!.metadata)).toMatchObject({
      commandType: 'WithdrawCertificate',
      causationId: suspension.id,
      correlationId: JSON.parse(suspension.metadata).correlationId,
      actor: { keyId: 'process-manager:suspension-deadlines', role: 'CERTIFICATION_BODY', cbId: TH_CB },
    });
    const answer = await graphql(registry.http, '{ recognition(certificateNumber: "U-1", country: "TH", asOf: "2026-01-21") { recognized reasons { code } } }');
    expect(answer.data?.recognition).toMatchObject({ recognized: false, reasons: [{ code: 'CERTIFICATE_WITHDRAWN' }, { code: 'CB_ACCREDITATION_SUSPENDED' }] });
  });

  it('withdraws the accreditation too, and leaves alone a suspension reinstated in time or without an end', async () => {
    const accreditation = await history(registry, `cb-${TH_CB}`);
    expect(accreditation.map((event) => event.type).slice(-2)).toEqual(['AccreditationSuspended', 'AccreditationWithdrawn']);
    expect(JSON.parse(accreditation.at(-1)!.metadata)).toMatchObject({ causationId: accreditation.at(-2)!.id, actor: { role: 'ACCREDITATION_BODY' } });
    expect((await history(registry, 'certificate-U-2')).map((event) => event.type)).toEqual(['CertificateIssued', 'CertificateSuspended', 'CertificateReinstated']);
    expect((await history(registry, 'certificate-U-3')).map((event) => event.type)).toEqual(['CertificateIssued', 'CertificateSuspended']);
  });

  it('sends each withdrawal once, however often it starts again', async () => {
    registry = await registry.restart();
    expect((await history(registry, 'certificate-U-1')).filter((event) => event.type === 'CertificateWithdrawn')).toHaveLength(1);
  });
});
