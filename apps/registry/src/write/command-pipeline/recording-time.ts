import type { EventStore, RecordedEvent } from '@registry/event-store';
import { ApplicationError } from '../../errors';
import type { Clock } from '../../clock';

/** How far the clock may read behind the latest `recordedAt` in the log (replicas' clocks differ a little). */
export const CLOCK_BEHIND_TOLERANCE_MS = 5 * 60_000;

/** The last instant a four-digit calendar date can name. */
const LAST_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

function recordedAtOf(event: RecordedEvent | undefined): number | undefined {
  const value = event?.metadata.recordedAt;
  const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? undefined : time;
}

/**
 * The `recordedAt` of the next events: the clock's reading, refused (nothing written, the reason said) when it
 * cannot be right — past 9999-12-31, or behind the latest `recordedAt` of the log by more than the tolerance
 * (a clock set back would make the log's times go backwards silently). The latest time is read from the log's
 * last event once, then kept from the streams each command reads and the events it writes.
 */
export class RecordingTime {
  private latest: number | undefined;
  private logRead = false;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async next(target: readonly RecordedEvent[]): Promise<Date> {
    const now = this.clock.now();
    const time = now.getTime();
    if (Number.isNaN(time) || time < 0 || time > LAST_INSTANT) {
      throw new ApplicationError(
        'SERVICE_UNAVAILABLE',
        `The server clock reads ${Number.isNaN(time) ? 'an invalid time' : now.toISOString()}, outside 1970-01-01 to 9999-12-31: nothing was written. The operator must fix the clock`,
        { reason: 'CLOCK_OUT_OF_RANGE' },
      );
    }
    if (!this.logRead) {
      const [last] = await this.store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
      this.observe(recordedAtOf(last));
      this.logRead = true;
    }
    this.observe(recordedAtOf(target[target.length - 1]));
    const latest = this.latest;
    if (latest !== undefined && time < latest - CLOCK_BEHIND_TOLERANCE_MS) {
      throw new ApplicationError(
        'SERVICE_UNAVAILABLE',
        `The server clock reads ${now.toISOString()}, behind the log's latest recordedAt ${new Date(latest).toISOString()} by more than ${CLOCK_BEHIND_TOLERANCE_MS / 60_000} minutes: nothing was written, so that recorded times never go backwards. The operator must fix the clock`,
        { reason: 'CLOCK_BEHIND_LOG', latestRecordedAt: new Date(latest).toISOString() },
      );
    }
    return now;
  }

  /** Remembers the time of events just written. */
  written(at: Date): void {
    this.observe(at.getTime());
  }

  private observe(time: number | undefined): void {
    if (time !== undefined && (this.latest === undefined || time > this.latest)) this.latest = time;
  }
}
