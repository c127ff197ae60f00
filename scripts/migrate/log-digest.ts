import { createHash } from 'node:crypto';
import type { EventStore, JsonValue, RecordedEvent } from '@registry/event-store';

export interface LogDigest {
  readonly count: number;
  /** SHA-256 over every event in global order: id, stream, revision, type, data, metadata. */
  readonly sha256: string;
}

/**
 * What must survive a copy between stores. Positions and the store's own `recordedAt` stamp are left out:
 * both belong to the store that wrote the event (the domain's times live in data and metadata).
 * The order is in the digest because events are hashed in the order the log holds them.
 */
export async function digestLog(store: EventStore, pageSize = 1_000): Promise<LogDigest> {
  const hash = createHash('sha256');
  let count = 0;
  let from: bigint | 'start' = 'start';
  let seen: bigint | undefined;
  for (;;) {
    const page: RecordedEvent[] = (await store.readAll({ fromPosition: from, maxCount: pageSize + 1 })).filter((event) => event.position !== seen);
    if (page.length === 0) break;
    for (const event of page) {
      hash.update(digestLine(event));
      count += 1;
    }
    const last = page[page.length - 1].position;
    seen = last;
    from = last;
  }
  return { count, sha256: hash.digest('hex') };
}

export function digestLine(event: RecordedEvent): string {
  return `${JSON.stringify([event.id, event.stream, event.revision.toString(), event.type, canonical(event.data), canonical(event.metadata)])}\n`;
}

/** JSON with object keys sorted, so two stores that keep key order differently still agree. */
function canonical(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical(value[key])]),
    );
  }
  return value;
}
