import { canonicalJson } from './canonical-json';

/** What of a recorded event the tamper-evident log commits to: everything but the store's own position and
 * clock, so the same log in any store has the same leaves. */
export interface LoggedEvent {
  id: string;
  stream: string;
  revision: bigint | number;
  type: string;
  data: unknown;
  metadata: { [key: string]: unknown };
}

/**
 * The canonical bytes of one event: RFC 8785 (JCS) JSON of stream, revision, event id, type, data, metadata and
 * the time the registry recorded it, UTF-8. The time is the registry's `metadata.recordedAt` (what `migrate`
 * carries across), not the store's own stamp, which a copy into another store changes; an event written by
 * another tool without one commits to `null`.
 */
export function canonicalEventBytes(event: LoggedEvent): Buffer {
  const recordedAt = typeof event.metadata.recordedAt === 'string' ? event.metadata.recordedAt : null;
  const text = canonicalJson({
    stream: event.stream,
    revision: Number(event.revision),
    id: event.id,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt,
  });
  return Buffer.from(text, 'utf8');
}
