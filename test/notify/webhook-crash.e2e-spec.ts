import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRegistryChild, type RegistryChild } from '../hostile/support/registry-child';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { describeOnEmbeddedStore } from '../support/test-store';
import { withEnvironment } from '../support/with-environment';
import { ADMIN_KEY, TH_CB, issue, must, populate, signatureVerifies, today } from './support/notify-world';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(120_000);

const WEBHOOKS = { REGISTRY_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', REGISTRY_WEBHOOK_BACKOFF_BASE_MS: '50' };

async function killed(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// SIGKILL of the registry's own process: the embedded store's machinery (on EventStoreDB the log is elsewhere).
describeOnEmbeddedStore('webhooks across a registry killed mid-delivery', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-webhook-crash-'));
  let hanging = true;
  // Until the kill, every request is held open: the registry dies with deliveries in flight.
  const receiver = new WebhookReceiver(() => (hanging ? 'hang' : 200));
  let child: RegistryChild | undefined;
  let restarted: RunningRegistry | undefined;

  afterAll(async () => {
    if (child) await killed(child.pid).catch(() => undefined);
    await restarted?.stop();
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers everything once it is back, duplicates only under the same delivery id', async () => {
    const base = await receiver.start();
    child = await startRegistryChild({ ...WEBHOOKS, REGISTRY_DATA_DIR: dataDir, REGISTRY_ADMIN_KEY: ADMIN_KEY });
    const world = await populate(child.http);
    for (const number of ['K-1', 'K-2', 'K-3']) await issue(child.http, number, world.thKey);
    const { secret } = await must(child.http, 'createWatch', { watchId: 'ftpi-all', certificationBodyId: TH_CB, url: `${base}/hook` }, world.thKey);
    const suspension = await must(child.http, 'suspendAccreditation', { cbId: TH_CB, effectiveOn: today(), reason: 'surveillance audit findings' }, ADMIN_KEY);
    await receiver.until(() => receiver.received.length >= 1);

    await killed(child.pid);
    child = undefined;
    const inFlight = new Set(receiver.received.map((request) => request.deliveryId));
    hanging = false;
    restarted = await withEnvironment(WEBHOOKS, () => startRegistry({ dataDir, config: { adminKey: ADMIN_KEY } }));

    // Three certificates lapse at home and in MY: six facts, one delivery each.
    await receiver.until(() => new Set(receiver.accepted('/hook').map((request) => request.deliveryId)).size >= 6, 30_000);
    const byId = new Map<string, Set<string>>();
    for (const request of receiver.received) byId.set(request.deliveryId, (byId.get(request.deliveryId) ?? new Set()).add(request.body));
    expect(byId.size).toBe(6);
    // The restart read the notifier's state back instead of deriving the log again: it stood past the suspension.
    const { notifications } = (await restarted.http.get<{ notifications: { resumedFrom: string | null } }>('/health')).body;
    expect(BigInt(notifications.resumedFrom ?? -1)).toBeGreaterThanOrEqual(BigInt(suspension.position));
    expect([...byId.values()].every((bodies) => bodies.size === 1)).toBe(true);
    expect([...inFlight].every((id) => receiver.accepted('/hook').some((request) => request.deliveryId === id))).toBe(true);
    expect(receiver.received.every((request) => signatureVerifies(secret, request.body, request.signature))).toBe(true);
    expect(
      receiver.accepted('/hook').map((request) => {
        const { fact } = JSON.parse(request.body) as { fact: { type: string; data: { certificateNumber: string; country: string } } };
        return `${fact.type} ${fact.data.certificateNumber} ${fact.data.country}`;
      }).filter((line, index, all) => all.indexOf(line) === index).sort(),
    ).toEqual(['K-1 MY', 'K-1 TH', 'K-2 MY', 'K-2 TH', 'K-3 MY', 'K-3 TH'].map((pair) => `RecognitionLapsed ${pair}`));
  });
});
