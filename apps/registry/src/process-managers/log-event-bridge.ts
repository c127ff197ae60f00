import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { toEventRef, toRegistryEvent } from '@registry/domain';
import type { AllSubscription, EventStore, RecordedEvent } from '@registry/event-store';
import { EVENT_STORE } from '../store';
import { ProcessManagerStore } from './process-manager-store';
import { RecordedEventPublished } from './recorded-event-published';

const SAVE_EVERY = 1_000;
const SAVE_WHEN_QUIET_MS = 200;

/**
 * The only way events reach the EventBus: a subscription to the durable log from a stored position. Each
 * recorded event is published as RecordedEventPublished; the position is stored after the (synchronous)
 * handlers ran, so after a crash the events since the last stored position are published again: at least once.
 * Handlers are idempotent, and the commands they cause carry ids derived from the causing event's id.
 */
@Injectable()
export class LogEventBridge implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('LogEventBridge');
  private subscription: AllSubscription | undefined;
  private following: Promise<void> | undefined;
  private readonly caughtUp: { position: bigint; resolve: () => void }[] = [];
  private published = 0n;
  private unsaved = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  private markReady!: () => void;
  /** Resolves once the bridge has published the log as it stood at start. */
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    @Inject(EVENT_STORE) private readonly log: EventStore,
    private readonly store: ProcessManagerStore,
    private readonly bus: EventBus,
  ) {}

  /** After every module's init: the handlers are registered on the bus by then. Catching up does not hold the
   * start (on a large log it takes a while); `ready` says when it is done. */
  async onApplicationBootstrap(): Promise<void> {
    const [last] = await this.log.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
    const from = this.store.position();
    this.published = from ?? 0n;
    this.subscription = this.log.subscribeToAll({ fromPosition: from ?? 'start' });
    this.following = this.follow(this.subscription);
    void this.publishedUpTo(last?.position ?? 0n).then(() => this.markReady());
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.close();
    await this.following;
    clearTimeout(this.saveTimer);
    this.save();
  }

  private save(): void {
    if (this.unsaved === 0) return;
    this.store.savePosition(this.published);
    this.unsaved = 0;
  }

  /** Resolves once every event up to `position` was published. */
  publishedUpTo(position: bigint): Promise<void> {
    if (this.published >= position) return Promise.resolve();
    return new Promise((resolve) => this.caughtUp.push({ position, resolve }));
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      for await (const recorded of subscription) this.publish(recorded);
    } catch (error) {
      this.logger.error(`publishing the log to the EventBus stopped: ${(error as Error).message}`);
    }
  }

  private publish(recorded: RecordedEvent): void {
    const version = recorded.metadata.schemaVersion;
    const event = toRegistryEvent(recorded.type, typeof version === 'number' ? version : undefined, recorded.data);
    this.bus.publish(new RecordedEventPublished(recorded.id, event, toEventRef(recorded), recorded.metadata, recorded.recordedAt));
    this.published = recorded.position;
    // Every so many events, and when the log falls quiet: what was published since is published again after a crash.
    if (++this.unsaved >= SAVE_EVERY) this.save();
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_WHEN_QUIET_MS);
    this.saveTimer.unref();
    for (let i = this.caughtUp.length - 1; i >= 0; i--) if (this.caughtUp[i].position <= this.published) this.caughtUp.splice(i, 1)[0].resolve();
  }
}
