import { backoffMs, pause, type BackoffPolicy } from '@registry/event-store';
import type { AllSubscription, EventStore, RecordedEvent } from '@registry/event-store';
import { catchUp, logStillHolds } from './catch-up';
import { LogWentBackwardsError, ProjectionsFailedError } from './errors';
import { PositionWaiters } from './position-waiters';
import type { Projector } from './projector';
import { isReadModelCorruption, isStorageFailure } from './sqlite/read-model-faults';

/** `retrying`: the store's subscription broke (a lost connection); `stalled`: the read-model file refused a
 * write (disk full, I/O error). In both the runner tries again from its checkpoint after a pause that doubles,
 * and queries keep the last state applied. `failed` is for good: an event that cannot be folded, a damaged
 * file (the read side rebuilds it), a log whose positions went backwards. */
export type RunnerState = 'starting' | 'catching-up' | 'live' | 'retrying' | 'stalled' | 'failed' | 'stopped';

export interface RunnerStatus {
  state: RunnerState;
  /** The last global position applied by every projection (0 before the first). */
  appliedPosition: bigint;
  failure?: string;
  /** Why the runner is retrying or stalled. */
  problem?: string;
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
  /** Pauses between attempts after a broken subscription or a refused write, doubling from the first to the last. */
  retryFirstMs?: number;
  retryLastMs?: number;
  /** Called once when the read-model file turns out damaged; the runner has failed and the caller rebuilds. */
  onCorruption?: (error: unknown) => void;
}

/** Pauses between attempts after a broken subscription or a refused write, doubling from the first to the last. */
const RETRY_FIRST_MS = 200;
const RETRY_LAST_MS = 30_000;

/** How one subscription ended: stopped on purpose, broken or stalled (try again), or failed for good. */
type FollowOutcome =
  | { kind: 'stopped' }
  | { kind: 'broken'; error: unknown; applied: boolean }
  | { kind: 'stalled'; error: unknown; applied: boolean }
  | { kind: 'fold-failed'; error: unknown };

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
  private problem: string | undefined;
  private subscription: AllSubscription | undefined;
  private following: Promise<void> | undefined;
  /** Aborted by stop(): cuts a pause before resubscribing short. */
  private readonly stopping = new AbortController();
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
    let stalled: unknown;
    try {
      this.applied = await catchUp(this.store, this.projector, this.applied, this.catchUpPageSize, ({ position }) =>
        this.settle(position),
      );
    } catch (error) {
      // A full disk at start is waited out like one at run time; anything else stops the start.
      if (!isStorageFailure(error)) {
        this.fail(error);
        throw error;
      }
      stalled = error;
    }
    if (this.state !== 'catching-up') return;
    this.state = 'live';
    this.following = this.followWithRetries(stalled);
  }

  /** False while the runner cannot apply what is written (stalled, failed, stopped): writes are refused then,
   * before anything is appended, rather than recorded and left invisible to queries. */
  canFollow(): boolean {
    return this.state === 'live' || this.state === 'catching-up' || this.state === 'retrying';
  }

  appliedPosition(): bigint {
    return this.applied ?? 0n;
  }

  status(): RunnerStatus {
    return {
      state: this.state,
      appliedPosition: this.appliedPosition(),
      ...(this.failure === undefined ? {} : { failure: this.failure.message }),
      ...(this.problem === undefined ? {} : { problem: this.problem }),
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
    this.stopping.abort();
    await this.subscription?.close();
    await this.following;
    this.waiters.failAll(new ProjectionsFailedError('the read models were stopped'));
  }

  /** Follows the log until stopped or failed for good; after a broken subscription or a refused write it starts
   * again from the checkpoint, after a pause. */
  private async followWithRetries(stalledAtStart?: unknown): Promise<void> {
    const policy: BackoffPolicy = {
      attempts: Number.POSITIVE_INFINITY,
      firstDelayMs: this.options.retryFirstMs ?? RETRY_FIRST_MS,
      maxDelayMs: this.options.retryLastMs ?? RETRY_LAST_MS,
    };
    let failures = 0;
    let pending: FollowOutcome | undefined = stalledAtStart === undefined ? undefined : { kind: 'stalled', error: stalledAtStart, applied: false };
    while (this.isFollowing()) {
      let outcome: FollowOutcome;
      if (pending !== undefined) {
        outcome = pending;
        pending = undefined;
      } else {
        try {
          this.subscription = this.store.subscribeToAll({ fromPosition: this.applied ?? 'start' });
          outcome = await this.follow(this.subscription);
        } catch (error) {
          outcome = { kind: 'broken', error, applied: false };
        }
      }
      switch (outcome.kind) {
        case 'stopped':
          return;
        case 'fold-failed':
          this.fail(outcome.error);
          if (isReadModelCorruption(outcome.error)) this.options.onCorruption?.(outcome.error);
          return;
        case 'broken':
        case 'stalled': {
          if (!this.isFollowing()) return;
          // A subscription that applied something before it broke starts the pauses over.
          failures = outcome.applied ? 1 : failures + 1;
          const wait = backoffMs(policy, failures);
          this.state = outcome.kind === 'broken' ? 'retrying' : 'stalled';
          const reason = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
          this.problem =
            outcome.kind === 'broken'
              ? `the log subscription broke at position ${this.appliedPosition()}: ${reason}`
              : `the read-model file refused a write after position ${this.appliedPosition()}: ${reason}`;
          this.options.log?.warn(`${this.problem}; trying again in ${wait} ms`);
          await pause(wait, this.stopping.signal);
          if (this.state === 'retrying' || this.state === 'stalled') this.state = 'live';
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
        if (first.value.position < this.appliedPosition()) {
          return { kind: 'fold-failed', error: new LogWentBackwardsError(this.appliedPosition(), first.value.position) };
        }
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
          return isStorageFailure(error) ? { kind: 'stalled', error, applied } : { kind: 'fold-failed', error };
        }
        applied = true;
        this.problem = undefined;
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

  private isFollowing(): boolean {
    return this.state === 'live' || this.state === 'retrying' || this.state === 'stalled';
  }

  private settle(position: bigint): void {
    this.applied = position;
    this.waiters.settle(position);
  }

  private fail(error: unknown): void {
    this.state = 'failed';
    this.problem = undefined;
    this.failure = error instanceof Error ? error : new Error(String(error));
    this.options.log?.error(`the projections stopped at position ${this.appliedPosition()}`, error);
    this.waiters.failAll(new ProjectionsFailedError(`the read models stopped: ${this.failure.message}`));
  }
}
