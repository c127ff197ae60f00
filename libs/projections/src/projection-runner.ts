import type { AllSubscription, EventStore, RecordedEvent } from '@registry/event-store';
import { catchUp, logStillHolds } from './catch-up';
import { ProjectionsFailedError } from './errors';
import { PositionWaiters } from './position-waiters';
import type { Projector } from './projector';

/** `retrying`: the store's subscription broke (a lost connection); the runner subscribes again from its
 * checkpoint after a pause, and queries keep the last state applied. */
export type RunnerState = 'starting' | 'catching-up' | 'live' | 'retrying' | 'failed' | 'stopped';

export interface RunnerStatus {
  state: RunnerState;
  /** The last global position applied by every projection (0 before the first). */
  appliedPosition: bigint;
  failure?: string;
}

export interface RunnerLog {
  warn(message: string): void;
  error(message: string, error: unknown): void;
}

export interface ProjectionRunnerOptions {
  /** Events per transaction while catching up. */
  catchUpPageSize?: number;
  /** At most this many live events per transaction. */
  liveBatchSize?: number;
  /** How long `waitFor` waits by default. */
  defaultWaitMs?: number;
  log?: RunnerLog;
}

/** Pauses between attempts to subscribe again, doubling from the first to the last. */
const RETRY_FIRST_MS = 200;
const RETRY_LAST_MS = 30_000;

/** How one subscription ended: stopped on purpose, broken (try again), or a fold that failed (stop for good). */
type FollowOutcome = { kind: 'stopped' } | { kind: 'broken'; error: unknown; applied: boolean } | { kind: 'fold-failed'; error: unknown };

const TURN = Symbol('turn');
/** Resolves after every pending promise callback has run: what the subscription already holds has arrived. */
const nextTurn = (): Promise<typeof TURN> => new Promise((resolve) => setImmediate(resolve, TURN));

/**
 * Keeps the projections up to date from the store: catches up page by page from the checkpoint (no rebuild
 * at boot), then follows the store's subscription — never an in-process bus, so a failed fold loses nothing:
 * it stops the runner and the events stay in the log for the next start. Live events are applied in small
 * batches of whatever has already arrived, so a burst of writes costs one transaction, not one per event.
 */
export class ProjectionRunner {
  private applied: bigint | null = null;
  private state: RunnerState = 'starting';
  private failure: Error | undefined;
  private subscription: AllSubscription | undefined;
  private following: Promise<void> | undefined;
  private wakeFromPause: (() => void) | undefined;
  private readonly waiters = new PositionWaiters(() => this.applied ?? -1n);
  private readonly catchUpPageSize: number;
  private readonly liveBatchSize: number;
  private readonly defaultWaitMs: number;

  constructor(
    private readonly store: EventStore,
    private readonly projector: Projector,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.catchUpPageSize = options.catchUpPageSize ?? 1_000;
    this.liveBatchSize = options.liveBatchSize ?? 1_000;
    this.defaultWaitMs = options.defaultWaitMs ?? 5_000;
  }

  /** Checks the read models still match the log, catches up to its current end, then follows it live.
   * Resolves once caught up; rejects when an event cannot be folded. */
  async start(): Promise<void> {
    const point = this.projector.furthest();
    if (point !== null && !(await logStillHolds(this.store, point))) {
      this.options.log?.warn(
        `the event log no longer holds event ${point.eventId} at position ${point.position}: ` +
          'the read models belong to another log and are rebuilt from position 0',
      );
      this.projector.reset();
    }
    this.applied = this.projector.position();
    this.state = 'catching-up';
    try {
      this.applied = await catchUp(this.store, this.projector, this.applied, this.catchUpPageSize, ({ position }) =>
        this.settle(position),
      );
    } catch (error) {
      this.fail(error);
      throw error;
    }
    if (this.state !== 'catching-up') return;
    this.state = 'live';
    this.following = this.followWithRetries();
  }

  appliedPosition(): bigint {
    return this.applied ?? 0n;
  }

  status(): RunnerStatus {
    return {
      state: this.state,
      appliedPosition: this.appliedPosition(),
      ...(this.failure === undefined ? {} : { failure: this.failure.message }),
    };
  }

  /** Resolves once every projection has applied `position`; rejects with ReadModelsBehindError after
   * `timeoutMs`, or ProjectionsFailedError when the runner has stopped. */
  waitFor(position: bigint, timeoutMs = this.defaultWaitMs): Promise<void> {
    if (this.state === 'failed' || this.state === 'stopped') {
      return Promise.reject(new ProjectionsFailedError(`the read models are ${this.state}: ${this.failure?.message ?? 'not running'}`));
    }
    return this.waiters.wait(position, timeoutMs);
  }

  async stop(): Promise<void> {
    if (this.state !== 'failed') this.state = 'stopped';
    this.wakeFromPause?.();
    await this.subscription?.close();
    await this.following;
    this.waiters.failAll(new ProjectionsFailedError('the read models were stopped'));
  }

  /** Follows the log until stopped or a fold fails; a broken subscription is opened again from the checkpoint. */
  private async followWithRetries(): Promise<void> {
    let pause = RETRY_FIRST_MS;
    while (this.state === 'live' || this.state === 'retrying') {
      let outcome: FollowOutcome;
      try {
        this.subscription = this.store.subscribeToAll({ fromPosition: this.applied ?? 'start' });
        outcome = await this.follow(this.subscription);
      } catch (error) {
        outcome = { kind: 'broken', error, applied: false };
      }
      switch (outcome.kind) {
        case 'stopped':
          return;
        case 'fold-failed':
          this.fail(outcome.error);
          return;
        case 'broken': {
          if (this.state !== 'live' && this.state !== 'retrying') return;
          if (outcome.applied) pause = RETRY_FIRST_MS;
          this.state = 'retrying';
          const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
          this.options.log?.warn(`the log subscription broke at position ${this.appliedPosition()} (${reason}); subscribing again in ${pause} ms`);
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, pause);
            this.wakeFromPause = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          this.wakeFromPause = undefined;
          pause = Math.min(pause * 2, RETRY_LAST_MS);
          if (this.state === 'retrying') this.state = 'live';
          break;
        }
        default: {
          const unknown: never = outcome;
          throw new Error(`unknown outcome ${JSON.stringify(unknown)}`);
        }
      }
    }
  }

  private async follow(subscription: AllSubscription): Promise<FollowOutcome> {
    const events = subscription[Symbol.asyncIterator]();
    let next = events.next();
    let applied = false;
    try {
      for (;;) {
        const first = await next;
        if (first.done) return this.ended(applied);
        const batch: RecordedEvent[] = [first.value];
        next = events.next();
        let ended = false;
        while (batch.length < this.liveBatchSize) {
          const ready = await Promise.race([next, nextTurn()]);
          if (ready === TURN) break;
          if (ready.done) {
            ended = true;
            break;
          }
          batch.push(ready.value);
          next = events.next();
        }
        try {
          this.projector.apply(batch);
        } catch (error) {
          return { kind: 'fold-failed', error };
        }
        applied = true;
        this.settle(batch[batch.length - 1].position);
        if (ended) return this.ended(applied);
      }
    } catch (error) {
      return this.state === 'live' ? { kind: 'broken', error, applied } : { kind: 'stopped' };
    } finally {
      // Leaving early abandons one pending read: whatever it ends with is of no interest.
      void next.catch(() => undefined);
      await subscription.close();
    }
  }

  /** A subscription that ends while the runner still runs was closed under it (the store went away). */
  private ended(applied: boolean): FollowOutcome {
    return this.state === 'live' ? { kind: 'broken', error: new Error('the store ended the subscription'), applied } : { kind: 'stopped' };
  }

  private settle(position: bigint): void {
    this.applied = position;
    this.waiters.settle(position);
  }

  private fail(error: unknown): void {
    this.state = 'failed';
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.options.log?.error(`the projections stopped at position ${this.appliedPosition()}`, error);
    this.waiters.failAll(new ProjectionsFailedError(`the read models stopped: ${this.failure.message}`));
  }
}
