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
import { NotificationStore, type StateCursor } from './notification-store';
import { AddressGuard } from './webhooks/address-guard';
import { DeliveryWorker } from './webhooks/delivery-worker';
import { WebhookClient } from './webhooks/webhook-client';
import { type WebhookConfig } from './webhooks/webhook-config';
import { WatchSecrets } from './webhooks/watch-secrets';

export const WEBHOOK_CONFIG = Symbol('WEBHOOK_CONFIG');

/** The scheduler looks at the calendar at least this often, so a clock that jumps is followed within a minute. */
const MAX_SLEEP_MS = 60_000;
/** While catching up, the derivation works in slices of about this long, each written in one transaction; between
 * them the event loop serves requests and the read models catch up too. */
const SLICE_MS = 20;
/** Rows of persisted state read back at a time at start; reading goes on for SLICE_MS, then yields, so a restart
 * at a million certificates answers within a slice instead of waiting behind 20,000-row reads (ready after 3.6-4.5 s
 * then, 1.4 s with this, at load 3-4). */
const RESTORE_ROWS = 1_000;

type Pending = { facts: DerivedFact[]; deliveries: Parameters<NotificationStore['recordSlice']>[0]['deliveries'][number][]; watches: Map<string, WatchTimeline> };

/** How far the notifier has got: reading its persisted state back, catching up with the log, or live. */
export type NotificationsStatus = {
  state: 'restoring' | 'catching-up' | 'live' | 'stopped';
  position: bigint;
  head: bigint;
  /** The position this run resumed from, read back from the persisted state; null when it derived from the start. */
  resumedFrom: bigint | null;
  failure?: string;
};

/**
 * The read side's notifier. It follows the log, derives the recognition facts (`RecognitionChanges`) and the
 * action plans' overdue alerts (`ActionPlanAlerts`), records them in the `derived-recognition` stream with one delivery per watch that receives them (the outbox), and
 * tells listeners (GraphQL subscriptions). Its state (the derivation's and the watches') is persisted with the
 * facts and the log position, so a restart resumes where it stopped; deriving from the start again gives the
 * same facts with the same ids (nothing is recorded twice). Catching up runs in short slices, so a long one
 * (a first start on a large log) never holds the event loop. Once caught up, a scheduler moves the calendar
 * to the clock's today, waking for the next date on which an answer or an item's status may change (re-armed
 * when an event names an earlier one), and after downtime catches up through every date missed.
 */
@Injectable()
export class NotificationsHost implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  private changes = new RecognitionChanges();
  private alerts = new ActionPlanAlerts();
  private readonly watches = new Map<string, WatchTimeline>();
  private readonly listeners = new Set<(fact: DerivedFact) => void>();
  private readonly waiters: { position: bigint; resolve: () => void }[] = [];
  private pending: Pending = { facts: [], deliveries: [], watches: new Map() };
  private store: NotificationStore | undefined;
  private worker: DeliveryWorker | undefined;
  private subscription: AllSubscription | undefined;
  private following: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  /** When the armed timer fires, in `performance.now()` time (as the timer runs, whatever the clock says). */
  private wakeAt = Number.POSITIVE_INFINITY;
  /** The last position derived from (in memory); `written` is the last one persisted. */
  private applied = 0n;
  private written = 0n;
  private head = 0n;
  private state: NotificationsStatus['state'] = 'restoring';
  private stopping = false;
  private failure: string | undefined;
  private resumedFrom: bigint | null = null;
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
    this.head = last?.position ?? 0n;
    // Neither reading the state back nor catching up holds the start: the queries do not need them.
    this.following = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    this.caughtUp = false;
    this.state = 'stopped';
    clearTimeout(this.timer);
    await this.worker?.stop();
    await this.subscription?.close();
    await this.following;
    this.store?.close();
  }

  status(): NotificationsStatus {
    const head = this.head > this.written ? this.head : this.written;
    return { state: this.state, position: this.written, head, resumedFrom: this.resumedFrom, ...(this.failure === undefined ? {} : { failure: this.failure }) };
  }

  /** Resolves once every event up to `position` has been derived from (and its facts and deliveries recorded). */
  waitFor(position: bigint): Promise<void> {
    if (this.written >= position) return Promise.resolve();
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

  private async run(): Promise<void> {
    const started = Date.now();
    try {
      const from = await this.restore();
      if (this.stopping) return;
      this.state = 'catching-up';
      this.subscription = this.log.subscribeToAll({ fromPosition: from });
      if (this.written >= this.head) this.becomeLive(started);
      let slice = performance.now();
      for await (const recorded of this.subscription) {
        this.apply(recorded);
        if (this.caughtUp || this.applied >= this.head) {
          this.flush();
          if (!this.caughtUp) this.becomeLive(started);
        } else if (performance.now() - slice > SLICE_MS) {
          this.flush();
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
      }
    } catch (error) {
      if (this.stopping) return;
      this.failure = (error as Error).message;
      this.logger.error(`deriving recognition facts stopped: ${this.failure}`);
    }
  }

  /** Reads the persisted state back, in slices; returns where to follow the log from. */
  private async restore(): Promise<bigint | 'start'> {
    const store = this.notifications;
    const persisted = store.resume(this.head);
    if (persisted === null) {
      this.logger.log('deriving recognition facts from the start of the log');
      return 'start';
    }
    const started = Date.now();
    for (const watch of persisted.watches) this.watches.set(watch.watchId, watch);
    if (persisted.alerts !== null) this.alerts = ActionPlanAlerts.restore(persisted.alerts);
    let cursor: StateCursor | null = null;
    let slice = performance.now();
    do {
      const part = store.stateAfter(cursor, RESTORE_ROWS, persisted.calendar);
      this.changes.restorePart(part.state);
      cursor = part.next;
      if (performance.now() - slice > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    } while (cursor !== null && !this.stopping);
    this.applied = this.written = this.resumedFrom = persisted.position;
    this.logger.log(`recognition derivation resumed at position ${persisted.position} in ${Date.now() - started} ms`);
    return persisted.position;
  }

  private becomeLive(started: number): void {
    if (this.caughtUp || this.stopping) return;
    this.caughtUp = true;
    this.state = 'live';
    this.tick();
    this.worker?.start();
    this.logger.log(`derived recognition facts caught up to position ${this.written} in ${Date.now() - started} ms`);
  }

  /** Folds one event in; its facts and deliveries wait in `pending` for the slice's write. */
  private apply(recorded: RecordedEvent): void {
    const version = recorded.metadata.schemaVersion;
    const event = toRegistryEvent(recorded.type, typeof version === 'number' ? version : undefined, recorded.data);
    const ref = toEventRef(recorded);
    if (isWatchEvent(event)) {
      const watch = evolveWatchTimeline(this.watches.get(event.data.watchId) ?? null, event, ref);
      if (watch) {
        this.watches.set(watch.watchId, watch);
        this.pending.watches.set(watch.watchId, watch);
      }
    }
    const recordedOn = calendarDateOf(recorded.recordedAt);
    this.derived([...this.changes.record(event, ref, recordedOn), ...this.alerts.record(event, ref, recordedOn)]);
    this.applied = recorded.position;
    if (this.caughtUp) this.schedule(true);
  }

  /** Moves the calendar to today, then sleeps until the next date on which an answer may change. */
  private tick(): void {
    const today = calendarDateOf(this.clock.now());
    this.derived([...this.changes.advanceTo(today), ...this.alerts.advanceTo(today)]);
    this.flush();
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

  /** The deliveries of new facts are made with the watches as they stand at the fact (not at the slice's end). */
  private derived(facts: DerivedFact[]): void {
    if (facts.length === 0) return;
    const createdAt = this.clock.now().getTime();
    const watches = [...this.watches.values()];
    for (const fact of facts) {
      this.pending.facts.push(fact);
      for (const watch of watches) {
        if (!watchReceives(watch, fact)) continue;
        const deliveryId = deliveryIdOf(watch.watchId, fact.id);
        this.pending.deliveries.push({ deliveryId, watchId: watch.watchId, factId: fact.id, body: JSON.stringify({ deliveryId, watchId: watch.watchId, fact }), createdAt });
      }
    }
  }

  /** Writes what was derived since the last write, with the state and position it leaves, in one transaction. */
  private flush(): void {
    const store = this.store;
    if (store === undefined || !store.isOpen) return;
    const { facts, deliveries, watches } = this.pending;
    this.pending = { facts: [], deliveries: [], watches: new Map() };
    const fresh = store.recordSlice({
      facts,
      deliveries,
      watches: [...watches.values()],
      changes: this.changes.takeChanges(),
      alerts: this.alerts.snapshot(),
      position: this.applied,
    });
    this.written = this.applied;
    if (this.caughtUp) for (const fact of fresh) for (const listener of this.listeners) listener(fact);
    if (deliveries.length > 0) this.worker?.kick();
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].position <= this.written) this.waiters.splice(i, 1)[0].resolve();
    }
  }
}
