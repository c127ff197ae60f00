import {
  isRegistryEventType,
  toEventRef,
  toRegistryEvent,
  type RecordedRegistryEvent,
} from '@registry/domain';
import type { EventStore, RecordedEvent } from '@registry/event-store';

/** One stream as a command attempt sees it. */
export type LoadedStream = {
  stream: string;
  /** The expected revision for an append right after this read. */
  revision: bigint | 'no_stream';
  /** Every stored event, as stored (the idempotency check reads their metadata). */
  recorded: RecordedEvent[];
  /** The domain events among them, upcast to their current schema, with where they were recorded. */
  records: RecordedRegistryEvent[];
};

function schemaVersionOf(event: RecordedEvent): number | undefined {
  const version = event.metadata.schemaVersion;
  return typeof version === 'number' ? version : undefined;
}

export function toLoaded(stream: string, recorded: RecordedEvent[]): LoadedStream {
  const last = recorded[recorded.length - 1];
  // A type this build does not know (written by a newer one) is skipped, never guessed at.
  const records = recorded
    .filter((event) => isRegistryEventType(event.type))
    .map((event) => ({ event: toRegistryEvent(event.type, schemaVersionOf(event), event.data), ref: toEventRef(event) }));
  return { stream, revision: last === undefined ? 'no_stream' : last.revision, recorded, records };
}

/** Where an attempt's facts and target streams come from. */
export interface StreamSource {
  load(stream: string): Promise<LoadedStream>;
}

/**
 * The reads of ONE attempt: each stream is read at most once, so the facts and the target of a command agree
 * with each other. A retry makes a new reader, so it decides on fresh data.
 */
export class StreamReader implements StreamSource {
  private readonly loaded = new Map<string, Promise<LoadedStream>>();

  constructor(private readonly store: EventStore) {}

  /** Reads the streams not read yet together (one query on the embedded store), as `load` would one by one. */
  preload(streams: readonly string[]): Promise<LoadedStream[]> {
    const missing = [...new Set(streams.filter((stream) => !this.loaded.has(stream)))];
    if (missing.length > 0) {
      const reading = this.store.readStreams(missing);
      missing.forEach((stream, index) => this.loaded.set(stream, reading.then((read) => toLoaded(stream, read[index]))));
    }
    return Promise.all(streams.map((stream) => this.loaded.get(stream)!));
  }

  load(stream: string): Promise<LoadedStream> {
    let loading = this.loaded.get(stream);
    if (loading === undefined) {
      loading = this.store.readStream(stream).then((recorded) => toLoaded(stream, recorded));
      this.loaded.set(stream, loading);
    }
    return loading;
  }
}
