import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import {
  ActionPlanAlerts,
  calendarDateOf,
  evolveWatchTimeline,
  isWatchEvent,
  RecognitionChanges,
  toEventRef,
  toRegistryEvent,
  watchReceives,
  type CalendarDate,
  type DerivedFact,
  type RecognitionWorld,
  type WatchTimeline,
} from '@registry/domain';
import type { AllSubscription, EventStore, RecordedEvent } from '@registry/event-store';
import { type Config, REGISTRY_CONFIG } from '../config';
import { ApplicationError } from '../errors';
import { EVENT_STORE } from '../store';
import { CLOCK, type Clock } from '../clock';
import { deliveryIdOf } from './delivery-id';
import { NotificationStore } from './notification-store';
import { AddressGuard } from './webhooks/address-guard';
import { DeliveryWorker } from './webhooks/delivery-worker';
import { WebhookClient } from './webhooks/webhook-client';
import { type WebhookConfig } from './webhooks/webhook-config';
import { WatchSecrets } from './webhooks/watch-secrets';

export const WEBHOOK_CONFIG = Symbol('WEBHOOK_CONFIG');

/** The scheduler looks at the calendar at least this often, so a clock that jumps is followed within a minute. */
const MAX_SLEEP_MS = 60_000;

/**
 * The read side's notifier. It follows the log from the start (the derivation is rebuilt at every start, and
 * its facts and deliveries carry ids that depend only on the log, so nothing is recorded twice), derives the
 * recognition facts (`RecognitionChanges`) and the action plans' overdue alerts (`ActionPlanAlerts`), records
 * them in the `derived-recognition` stream with one delivery per watch that receives them (the outbox), and
 * tells listeners (GraphQL subscriptions). Once caught up, a scheduler moves the calendar to the clock's today,
 * waking for the next date on which an answer or an item's status may change (re-armed when an event names an
 * earlier one), and after downtime catches up through every date missed.
 */
@Injectable()
export class NotificationsHost implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private readonly changes = new RecognitionChanges();
  private readonly alerts = new ActionPlanAlerts();
  private readonly watches = new Map<string, WatchTimeline>();
  private readonly listeners = new Set<(fact: DerivedFact) => void>();
  private readonly waiters: { position: bigint; resolve: () => void }[] = [];
  private store: NotificationStore | undefined;
  private worker: DeliveryWorker | undefined;
  private subscription: AllSubscription | undefined;
  private following: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** When the armed timer fires, in `performance.now()` time (as the timer runs, whatever the clock says). */
  private wakeAt = Number.POSITIVE_INFINITY;
  private applied = 0n;
  private caughtUp = false;
  private secrets: WatchSecrets | undefined;
  readonly guard: AddressGuard;

  constructor(
    @Inject(EVENT_STORE) private readonly log: EventStore,
    @Inject(REGISTRY_CONFIG) private readonly config: Config,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WEBHOOK_CONFIG) private readonly webhooks: WebhookConfig,
  ) {
    this.guard = new AddressGuard(webhooks.allowedHosts);
  }

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    this.store = new NotificationStore(this.config.dataDir);
    this.secrets = WatchSecrets.open(this.config.dataDir, this.webhooks.secretKey);
    this.worker = new DeliveryWorker(
      this.store,
      (watchId) => this.watches.get(watchId),
      this.secrets,
      new WebhookClient(this.guard, this.webhooks.timeoutMs),
      this.webhooks,
      this.clock,
    );
    const [last] = await this.log.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
    const head = last?.position ?? 0n;
    this.subscription = this.log.subscribeToAll({ fromPosition: 'start' });
    this.following = this.follow(this.subscription);
    // Catching up does not hold the start: on a large log deriving every answer again takes a while, and the
    // queries do not need it. The calendar moves only once caught up, so every event is judged on its own day.
    void this.waitFor(head).then(() => {
      if (this.store === undefined || !this.store.isOpen) return;
      this.caughtUp = true;
      this.tick();
      this.worker?.start();
      this.logger.log(`derived recognition facts caught up to position ${this.applied} in ${Date.now() - started} ms`);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.caughtUp = false;
    clearTimeout(this.timer);
    await this.worker?.stop();
    await this.subscription?.close();
    await this.following;
    this.store?.close();
  }

  /** Resolves once every event up to `position` has been derived from (and its deliveries recorded). */
  waitFor(position: bigint): Promise<void> {
    if (this.applied >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  /** Called with every fact new to the `derived-recognition` stream; returns the unsubscribe. */
  onFact(listener: (fact: DerivedFact) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The timelines the derivation folded, once it has caught up with the log (what-if questions read them). */
  world(): RecognitionWorld {
    if (!this.caughtUp) throw new ApplicationError('SERVICE_UNAVAILABLE', 'The recognition facts are still being derived from the log; try again shortly', { reason: 'DERIVING' });
    return this.changes.world;
  }

  /** A watch as the log says now (deleted ones included). */
  watch(watchId: string): WatchTimeline | undefined {
    return this.watches.get(watchId);
  }

  secretOf(watch: WatchTimeline): string {
    if (this.secrets === undefined) throw new Error('the notifications are not running');
    return this.secrets.secretOf(watch.watchId, watch.secretVersion);
  }

  get notifications(): NotificationStore {
    if (this.store === undefined) throw new Error('the notifications are not running');
    return this.store;
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      for await (const recorded of subscription) this.apply(recorded);
    } catch (error) {
      this.logger.error(`deriving recognition facts stopped: ${(error as Error).message}`);
    }
  }

  private apply(recorded: RecordedEvent): void {
    const version = recorded.metadata.schemaVersion;
    const event = toRegistryEvent(recorded.type, typeof version === 'number' ? version : undefined, recorded.data);
    const ref = toEventRef(recorded);
    if (isWatchEvent(event)) {
      const watch = evolveWatchTimeline(this.watches.get(event.data.watchId) ?? null, event, ref);
      if (watch) this.watches.set(watch.watchId, watch);
    }
    const recordedOn = calendarDateOf(recorded.recordedAt);
    this.publish([...this.changes.record(event, ref, recordedOn), ...this.alerts.record(event, ref, recordedOn)]);
    this.applied = recorded.position;
    if (this.caughtUp) this.schedule(true);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].position <= this.applied) this.waiters.splice(i, 1)[0].resolve();
    }
  }

  /** Moves the calendar to today, then sleeps until the next date on which an answer may change. */
  private tick(): void {
    const today = calendarDateOf(this.clock.now());
    this.publish([...this.changes.advanceTo(today), ...this.alerts.advanceTo(today)]);
    this.schedule(false);
  }

  /** Arms the timer for the next date; `sooner`: only if that is earlier than the wake already armed (an event
   * just named an earlier date), so that a busy log does not keep putting the tick off. */
  private schedule(sooner: boolean): void {
    const next = [this.changes.nextDate(), this.alerts.nextDate()].filter((date): date is CalendarDate => date !== null).sort()[0];
    const wake = Math.max(1_000, Math.min(MAX_SLEEP_MS, next === undefined ? MAX_SLEEP_MS : Date.parse(`${next}T00:00:00.000Z`) - this.clock.now().getTime()));
    if (sooner && performance.now() + wake >= this.wakeAt) return;
    clearTimeout(this.timer);
    this.wakeAt = performance.now() + wake;
    this.timer = setTimeout(() => this.tick(), wake);
    this.timer.unref();
  }

  private publish(facts: DerivedFact[]): void {
    if (facts.length === 0 || this.store === undefined) return;
    const createdAt = this.clock.now().getTime();
    const deliveries = facts.flatMap((fact) =>
      [...this.watches.values()]
        .filter((watch) => watchReceives(watch, fact))
        .map((watch) => {
          const deliveryId = deliveryIdOf(watch.watchId, fact.id);
          return { deliveryId, watchId: watch.watchId, factId: fact.id, body: JSON.stringify({ deliveryId, watchId: watch.watchId, fact }), createdAt };
        }),
    );
    const fresh = this.store.record(facts, deliveries);
    if (this.caughtUp) for (const fact of fresh) for (const listener of this.listeners) listener(fact);
    if (deliveries.length > 0) this.worker?.kick();
  }
}
