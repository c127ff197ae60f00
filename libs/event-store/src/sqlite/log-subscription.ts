import type { AllSubscription, RecordedEvent, SubscriptionFilter } from '../event-store';

/** What a subscription needs from the store. */
export interface CommittedLog {
  /** The last position known to be committed: every position up to it is readable. */
  lastPosition(): bigint;
  /** Events with `after < position <= upTo` passing the filter, in order, at most `limit`. */
  readAfter(after: bigint, upTo: bigint, filter: SubscriptionFilter | undefined, limit: number): RecordedEvent[];
  /** Resolves at the next commit. */
  nextCommit(): Promise<void>;
}

const PAGE_SIZE = 1000;

/**
 * Catch-up and live are one loop: read what lies between the cursor and the last committed position, and
 * when nothing does, sleep until the next commit. Live events are read back from the store like old ones,
 * so the hand-off can neither skip nor repeat an event, and a slow consumer holds at most one page.
 */
export class LogSubscription implements AllSubscription {
  private closed = false;
  private readonly whenClosed: Promise<void>;
  private signalClosed!: () => void;
  private iterator: AsyncGenerator<RecordedEvent, void, undefined> | undefined;

  constructor(
    private readonly log: CommittedLog,
    /** The last position delivered or skipped: delivery resumes strictly after it. */
    private cursor: bigint,
    private readonly filter: SubscriptionFilter | undefined,
    private readonly onClose: (subscription: LogSubscription) => void,
  ) {
    this.whenClosed = new Promise<void>((resolve) => {
      this.signalClosed = resolve;
    });
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.iterator ??= this.deliver();
    return this.iterator;
  }

  close(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      this.signalClosed();
      this.onClose(this);
    }
    return Promise.resolve();
  }

  private async *deliver(): AsyncGenerator<RecordedEvent, void, undefined> {
    try {
      while (!this.closed) {
        const commit = this.log.nextCommit();
        const upTo = this.log.lastPosition();
        if (upTo <= this.cursor) {
          await Promise.race([commit, this.whenClosed]);
          continue;
        }
        const page = this.log.readAfter(this.cursor, upTo, this.filter, PAGE_SIZE);
        for (const event of page) {
          this.cursor = event.position;
          yield event;
          if (this.closed) return;
        }
        // A short page means nothing else matched up to `upTo`: skip the scanned stretch for good.
        if (page.length < PAGE_SIZE) this.cursor = upTo;
        // A full page means more is waiting: let timers and I/O run before the next one, or a subscriber
        // catching up a long log (the notifier at start) would hold the event loop, and every request, until done.
        else await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      // `break` in a for-await lands here through the generator's return().
      await this.close();
    }
  }
}
