import type { EventStore, RecordedEvent } from '@registry/event-store';
import type { LogPoint } from './batch-folder';

/** What a catch-up feeds: the live projector (synchronous) or a rebuild's pipelined one. */
export interface BatchTarget {
  apply(events: readonly RecordedEvent[]): void | Promise<void>;
}

export interface CatchUpProgress {
  /** The last position applied so far. */
  position: bigint;
  /** Events read so far in this catch-up. */
  events: number;
}

/**
 * Reads the log after `after` (null: from the start) page by page up to its current end, one transaction per
 * page. A page starts AT the last applied position and drops it: EventStoreDB reads $all only from a position
 * it has, and positions need not be consecutive.
 */
export async function catchUp(
  store: EventStore,
  projector: BatchTarget,
  after: bigint | null,
  pageSize: number,
  onPage?: (progress: CatchUpProgress) => void,
): Promise<bigint | null> {
  let cursor = after;
  let events = 0;
  for (;;) {
    const maxCount = cursor === null ? pageSize : pageSize + 1;
    const page = await store.readAll({ fromPosition: cursor ?? 'start', maxCount });
    const from = cursor;
    const fresh = from === null ? page : page.filter((event) => event.position > from);
    if (fresh.length > 0) {
      await projector.apply(fresh);
      cursor = fresh[fresh.length - 1].position;
      events += fresh.length;
      onPage?.({ position: cursor, events });
    }
    if (page.length < maxCount) return cursor;
  }
}

/**
 * True when the log still holds, at the read models' furthest checkpoint, the very event they recorded
 * there. False means the log was replaced (a restored backup, another data directory) under the read models.
 */
export async function logStillHolds(store: EventStore, point: LogPoint): Promise<boolean> {
  const [found] = await store.readAll({ fromPosition: point.position, maxCount: 1 });
  return found !== undefined && found.position === point.position && found.id === point.eventId;
}
