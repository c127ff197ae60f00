import { Logger } from '@nestjs/common';
import type { WatchTimeline } from '@registry/domain';
import type { Clock } from '../../clock';
import type { NotificationStore, Delivery } from '../notification-store';
import type { WebhookClient } from './webhook-client';
import type { WebhookConfig } from './webhook-config';
import type { WatchSecrets } from './watch-secrets';

/** Deliveries attempted at once. */
const CONCURRENCY = 4;
/** How often the outbox is looked at when nothing wakes the worker. */
const IDLE_POLL_MS = 1_000;

/**
 * Sends the outbox: each due delivery is POSTed to its watch's current URL, signed with its current secret.
 * A 2xx marks it delivered; anything else schedules the next attempt after an exponential back-off
 * (base × 2^attempts, capped), until the delivery is older than the give-up age: then it is dead-lettered with
 * the last error, which its owner sees in `watches`. A registry stopped mid-attempt attempts again at start,
 * with the same delivery id.
 */
export class DeliveryWorker {
  private readonly logger = new Logger('Webhooks');
  private readonly inFlight = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly store: NotificationStore,
    private readonly watchOf: (watchId: string) => WatchTimeline | undefined,
    private readonly secrets: WatchSecrets,
    private readonly client: WebhookClient,
    private readonly config: WebhookConfig,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.kick();
  }

  /** Looks at the outbox now (new deliveries were recorded). */
  kick(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.running ??= this.drain().finally(() => {
      this.running = null;
      this.schedule();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    const next = this.store.nextDueAt();
    const delay = next === null ? IDLE_POLL_MS : Math.max(0, Math.min(IDLE_POLL_MS, next - this.clock.now().getTime()));
    this.timer = setTimeout(() => this.kick(), delay);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const due = this.store.due(this.clock.now().getTime(), CONCURRENCY * 4).filter((delivery) => !this.inFlight.has(delivery.deliveryId));
      if (due.length === 0 || this.stopped) return;
      for (let i = 0; i < due.length; i += CONCURRENCY) await Promise.all(due.slice(i, i + CONCURRENCY).map((delivery) => this.attempt(delivery)));
    }
  }

  private async attempt(delivery: Delivery): Promise<void> {
    this.inFlight.add(delivery.deliveryId);
    try {
      const watch = this.watchOf(delivery.watchId);
      const now = this.clock.now().getTime();
      if (watch === undefined || watch.deleted !== null) {
        this.store.failed(delivery.deliveryId, now, 'the watch was deleted', null);
        return;
      }
      const secret = this.secrets.secretOf(watch.watchId, watch.secretVersion);
      const outcome = await this.client.post(watch.url, delivery.body, delivery.deliveryId, secret, Math.floor(now / 1000));
      const after = this.clock.now().getTime();
      if (outcome.ok) {
        this.store.delivered(delivery.deliveryId, after);
        return;
      }
      const pause = Math.min(this.config.backoffMaxMs, this.config.backoffBaseMs * 2 ** delivery.attempts);
      const next = after + pause;
      const giveUp = next > delivery.createdAt + this.config.giveUpAfterMs;
      this.store.failed(delivery.deliveryId, after, outcome.error, giveUp ? null : next);
      if (giveUp) this.logger.warn(`delivery ${delivery.deliveryId} to watch ${delivery.watchId} dead-lettered after ${delivery.attempts + 1} attempts: ${outcome.error}`);
    } finally {
      this.inFlight.delete(delivery.deliveryId);
    }
  }
}
