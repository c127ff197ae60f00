import type { AllSubscription, RecordedEvent } from '../event-store';
import { isTransient, type LogRecord, type LogSubscription, type StartPosition } from './esdb-client';
import { toRecordedEvent } from './record-mapping';
import { backoffMs, pause } from '../backoff';
import { SUBSCRIPTION_RETRY } from './retry';

export interface SubscriptionSource {
  /** Opens a server subscription delivering events after `from`. */
  open(from: StartPosition): LogSubscription;
  keep(record: LogRecord): boolean;
}

/**
 * A port subscription over the server's catch-up subscription. The server already hands off from
 * catch-up to live without a gap; what this adds is surviving a dropped connection: it resubscribes
 * after the last event the server delivered (filtered out here or not), so the consumer sees neither a
 * gap nor a repeat.
 */
export class EventStoreDbSubscription implements AllSubscription {
  private closed = false;
  private current: LogSubscription | undefined;
  /** Aborted by close(): cuts a pause between attempts short, so no timer outlives the subscription. */
  private readonly closing = new AbortController();

  constructor(
    private readonly source: SubscriptionSource,
    private readonly start: Promise<StartPosition>,
    private readonly onClose: (subscription: EventStoreDbSubscription) => void,
  ) {
    // Awaited when iteration starts; until then a failure must not count as unhandled.
    start.catch(() => undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.closing.abort();
    this.onClose(this);
    await this.current?.close();
  }

  private async *events(): AsyncGenerator<RecordedEvent> {
    try {
      let failures = 0;
      let from = await this.start;
      while (!this.closed) {
        const subscription = this.source.open(from);
        this.current = subscription;
        try {
          for await (const record of subscription) {
            if (this.closed) return;
            failures = 0;
            from = record.position;
            if (this.source.keep(record)) yield toRecordedEvent(record);
          }
          // The server ended the call without an error (a node shutting down, a dropped subscription).
        } catch (error) {
          if (this.closed) return;
          if (!isTransient(error)) throw error;
        } finally {
          await subscription.close();
        }
        if (this.closed) return;
        failures += 1;
        if (failures >= SUBSCRIPTION_RETRY.attempts) throw new Error(`subscription lost after ${failures} attempts`);
        await pause(backoffMs(SUBSCRIPTION_RETRY, failures), this.closing.signal);
      }
    } finally {
      await this.close();
    }
  }
}
