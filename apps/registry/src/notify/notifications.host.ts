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
import { type Delivery, NotificationStore } from './notification-store';
import { AddressGuard } from './webhooks/address-guard';
import { DeliveryWorker } from './webhooks/delivery-worker';
import { WebhookClient } from './webhooks/webhook-client';
import { type WebhookConfig } from './webhooks/webhook-config';
import { WatchSecrets } from './webhooks/watch-secrets';

export const WEBHOOK_CONFIG = Symbol('WEBHOOK_CONFIG');

/** The scheduler looks at the calendar at least this often, so a clock that jumps is followed within a minute. */
const MAX_SLEEP_MS = 60_000;
/** Facts derived from the log are written in one transaction per this many at most (one per event cost
 * most of the catch-up at start); fewer when the event loop turns first. */
const FACTS_PER_WRITE = 2_000;
/** What the outbox adds to a delivery once recorded. */
type OutboxState = 'attempts' | 'nextAttemptAt' | 'status' | 'lastError' | 'lastAttemptAt' | 'deliveredAt';

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
  /** Facts derived from events already applied, with their deliveries, not yet written: see `flush`. */
  private unwritten: { facts: DerivedFact[]; deliveries: Omit<Delivery, OutboxState>[] } = { facts: [], deliveries: [] };
  private flushScheduled = false;
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
    this.flush();
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
    this.defer([...this.changes.record(event, ref, recordedOn), ...this.alerts.record(event, ref, recordedOn)]);
    this.applied = recorded.position;
    if (this.caughtUp) this.schedule(true);
    if (this.waiters.some((waiter) => waiter.position <= this.applied)) {
      // Whoever waits for a position expects its facts and deliveries recorded.
      this.flush();
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        if (this.waiters[i].position <= this.applied) this.waiters.splice(i, 1)[0].resolve();
      }
    }
  }

  /** Facts of the log's events are written together when the event loop next turns, or every FACTS_PER_WRITE;
   * their deliveries are decided now, by the watches as they stand at the fact's event. */
  private defer(facts: DerivedFact[]): void {
    if (facts.length === 0) return;
    for (const fact of facts) this.unwritten.facts.push(fact);
    for (const delivery of this.deliveriesOf(facts)) this.unwritten.deliveries.push(delivery);
    if (this.unwritten.facts.length >= FACTS_PER_WRITE) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.unwritten.facts.length === 0 || this.store === undefined || !this.store.isOpen) return;
    const { facts, deliveries } = this.unwritten;
    this.unwritten = { facts: [], deliveries: [] };
    this.write(facts, deliveries);
  }

  /** Moves the calendar to today, then sleeps until the next date on which an answer may change. */
  private tick(): void {
    // The calendar's facts follow those of the events before them.
    this.flush();
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
    this.write(facts, this.deliveriesOf(facts));
  }

  private deliveriesOf(facts: readonly DerivedFact[]): Omit<Delivery, OutboxState>[] {
    const createdAt = this.clock.now().getTime();
    return facts.flatMap((fact) =>
      [...this.watches.values()]
        .filter((watch) => watchReceives(watch, fact))
        .map((watch) => {
          const deliveryId = deliveryIdOf(watch.watchId, fact.id);
          return { deliveryId, watchId: watch.watchId, factId: fact.id, body: JSON.stringify({ deliveryId, watchId: watch.watchId, fact }), createdAt };
        }),
    );
  }

  private write(facts: readonly DerivedFact[], deliveries: readonly Omit<Delivery, OutboxState>[]): void {
    if (this.store === undefined) return;
    const fresh = this.store.record(facts, deliveries);
    if (this.caughtUp) for (const fact of fresh) for (const listener of this.listeners) listener(fact);
    if (deliveries.length > 0) this.worker?.kick();
  }
}
