import type { EventData, EventStore, ExpectedRevision, RecordedEvent, StreamAppend } from '@registry/event-store';
import { StreamReader, toLoaded, type LoadedStream, type StreamSource } from './stream-reader';

/** Where an event decided in this batch will sit: its position is known only once the batch is committed. */
export const NOT_YET_COMMITTED = -1n;

/**
 * The streams of ONE batch attempt: each read once from the store, then seen with the events already decided in
 * this batch on top, so that a certificate's suspension is decided on its issue two rows above. What is decided
 * is appended at the revision read, all streams together.
 */
export class BatchStreams implements StreamSource {
  private readonly reads: StreamReader;
  private readonly decided = new Map<string, { read: LoadedStream; events: EventData[]; recorded: RecordedEvent[] }>();

  constructor(store: EventStore) {
    this.reads = new StreamReader(store);
  }

  /** Reads streams this batch will write together, before deciding (see StreamReader.preload). */
  preload(streams: readonly string[]): Promise<LoadedStream[]> {
    return this.reads.preload(streams);
  }

  async load(stream: string): Promise<LoadedStream> {
    const read = await this.reads.load(stream);
    const decided = this.decided.get(stream);
    return decided === undefined ? read : toLoaded(stream, [...read.recorded, ...decided.recorded]);
  }

  /** Events decided for `stream` (after what `load` showed of it), to be appended with the batch. */
  async add(stream: string, events: EventData[], recordedAt: Date): Promise<void> {
    const read = await this.reads.load(stream);
    const decided = this.decided.get(stream) ?? { read, events: [], recorded: [] };
    this.decided.set(stream, decided);
    const next = (read.revision === 'no_stream' ? 0n : read.revision + 1n) + BigInt(decided.events.length);
    events.forEach((event, index) => {
      decided.events.push(event);
      decided.recorded.push({ ...event, stream, revision: next + BigInt(index), position: NOT_YET_COMMITTED, recordedAt });
    });
  }

  /** Every stream written, at the revision it was read at: a writer that moved it since makes the batch conflict. */
  appends(): StreamAppend[] {
    return [...this.decided.entries()].map(([stream, { read, events }]) => ({
      stream,
      events,
      expectedRevision: read.revision satisfies ExpectedRevision,
    }));
  }
}
