import type { JsonObject, JsonValue, RecordedEvent, SubscriptionFilter } from '../event-store';
import type { LogRecord, ServerFilter } from './esdb-client';

/** EventStoreDB's own events: types or streams starting with `$` ($all carries them; the port does not). */
export function isSystemRecord(record: LogRecord): boolean {
  return record.type.startsWith('$') || record.stream.startsWith('$');
}

export function toRecordedEvent(record: LogRecord): RecordedEvent {
  return {
    id: record.id,
    type: record.type,
    data: jsonData(record.data),
    metadata: jsonMetadata(record.metadata),
    stream: record.stream,
    revision: record.revision,
    position: record.position,
    recordedAt: record.created,
  };
}

// This adapter writes data and metadata as JSON; events written otherwise by other tools arrive as
// bytes, and are handed over as base64 text rather than dropped, so the log keeps its order.
function jsonData(data: unknown): JsonValue {
  if (data instanceof Uint8Array) return Buffer.from(data).toString('base64');
  return data as JsonValue;
}

function jsonMetadata(metadata: unknown): JsonObject {
  if (metadata === undefined || metadata === null) return {};
  if (metadata instanceof Uint8Array) return { raw: Buffer.from(metadata).toString('base64') };
  if (typeof metadata === 'object' && !Array.isArray(metadata)) return metadata as JsonObject;
  return { raw: metadata as JsonValue };
}

/**
 * The server filters on one thing at a time (stream name or event type). The most selective part of the
 * port's filter goes to the server; the rest, and the exclusion of system events, is applied here.
 */
export function splitFilter(filter: SubscriptionFilter | undefined): {
  server: ServerFilter;
  keep: (record: LogRecord) => boolean;
} {
  const streams = filter?.streamNamePrefixes?.length ? filter.streamNamePrefixes : undefined;
  const types = filter?.eventTypePrefixes?.length ? filter.eventTypePrefixes : undefined;
  const keep = (record: LogRecord): boolean =>
    !isSystemRecord(record) &&
    (streams === undefined || streams.some((prefix) => record.stream.startsWith(prefix))) &&
    (types === undefined || types.some((prefix) => record.type.startsWith(prefix)));
  if (streams) return { server: { on: 'stream-name', prefixes: streams }, keep };
  if (types) return { server: { on: 'event-type', prefixes: types }, keep };
  return { server: { on: 'no-system-event-types' }, keep };
}
