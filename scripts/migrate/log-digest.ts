import type { EventStore, RecordedEvent } from '@registry/event-store';
import { CompactRange, leafOf } from '@registry/tlog';

export interface LogDigest {
  readonly count: number;
  /** The RFC 9162 Merkle root over every event in log order, base64: the root the registry signs in its
   * checkpoints, computed from each event's canonical bytes (stream, revision, id, type, data, metadata,
   * the registry's recordedAt). */
  readonly root: string;
}

/**
 * What must survive a copy between stores. Positions and the store's own `recordedAt` stamp are left out of
 * the leaves: both belong to the store that wrote the event. Equal roots mean the same events in the same order,
 * so a copy checked this way verifies against the checkpoints signed over the original.
 */
export async function digestLog(store: EventStore, pageSize = 1_000): Promise<LogDigest> {
  const tree = new CompactRange();
  let from: bigint | 'start' = 'start';
  let seen: bigint | undefined;
  for (;;) {
    const page: RecordedEvent[] = (await store.readAll({ fromPosition: from, maxCount: pageSize + 1 })).filter((event) => event.position !== seen);
    if (page.length === 0) break;
    for (const event of page) tree.append(leafOf(event).hash);
    const last = page[page.length - 1].position;
    seen = last;
    from = last;
  }
  return { count: tree.size, root: tree.root().toString('base64') };
}
