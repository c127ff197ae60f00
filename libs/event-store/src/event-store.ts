/**
 * The one event-store port. The embedded SQLite adapter and the EventStoreDB adapter implement it,
 * and both pass the contract suite in `testing/event-store.contract.ts` unchanged.
 *
 * Revisions and positions are bigints, as in EventStoreDB: a national register outgrows 2^53 bytes of log.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** `no_stream`: the stream must not exist. `stream_exists`: it must. `any`: no check. A bigint: the
 * stream's last revision must be exactly that. */
export type ExpectedRevision = 'no_stream' | 'any' | 'stream_exists' | bigint;

/** What the stream's last revision actually was when an append was refused. */
export type ActualRevision = 'no_stream' | bigint;

export interface EventData {
  /** UUID. Appending the same ids again to the same stream at the same place is a no-op success. */
  id: string;
  type: string;
  data: JsonValue;
  metadata: JsonObject;
}

export interface RecordedEvent {
  id: string;
  type: string;
  data: JsonValue;
  metadata: JsonObject;
  stream: string;
  /** Per stream, from 0. */
  revision: bigint;
  /** Global, strictly increasing along the log; not necessarily consecutive. */
  position: bigint;
  recordedAt: Date;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  /** The revision of the last event now in the stream. */
  nextRevision: bigint;
  /** The global position of the last event appended. */
  position: bigint;
}

/** One stream's part of a multi-stream append. */
export interface StreamAppend {
  stream: string;
  events: EventData[];
  expectedRevision: ExpectedRevision;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** Forwards: events with revision >= fromRevision. Backwards: events with revision <= fromRevision.
   * Default: 'start' forwards, 'end' backwards. */
  fromRevision?: bigint | 'start' | 'end';
  direction?: Direction;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Forwards: events with position >= fromPosition. Backwards: events with position < fromPosition
   * (EventStoreDB's rule: a backwards read excludes its start). Default: 'start' forwards, 'end' backwards. */
  fromPosition?: bigint | 'start' | 'end';
  direction?: Direction;
  maxCount?: number;
}

export interface SubscriptionFilter {
  /** Keep events whose type starts with one of these. */
  eventTypePrefixes?: string[];
  /** Keep events whose stream name starts with one of these. */
  streamNamePrefixes?: string[];
}

export interface SubscribeToAllOptions {
  /** Deliver events with position > fromPosition (a checkpoint is the last position handled).
   * 'start' delivers the whole log, 'end' only what is appended after subscribing. */
  fromPosition?: bigint | 'start' | 'end';
  filter?: SubscriptionFilter;
}

/**
 * Catches up from the log, then goes live, with no gap and no duplicate at the hand-off. Events arrive in
 * position order. Iterate it with `for await`; `close()` (or breaking out of the loop) ends it.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface StoreHealth {
  store: 'embedded' | 'eventstoredb';
  status: 'up' | 'down';
  /** The last global position in the log, when known. */
  lastPosition?: bigint;
  detail?: string;
}

export interface EventStore {
  append(stream: string, events: EventData[], options: AppendOptions): Promise<AppendResult>;
  /**
   * Appends to several streams, each at its expected revision, in the order given; answers each stream's
   * result in that order. A refused stream throws WrongExpectedRevisionError naming it. The embedded store
   * commits all of them in ONE transaction (one fsync; a refusal writes nothing at all). EventStoreDB has no
   * transaction across streams: its adapter appends stream by stream, so a refusal leaves the streams before it
   * written; as every append is idempotent by event ids, sending the same appends again completes them
   * without duplicating anything.
   */
  appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]>;
  /** A stream that does not exist reads as empty. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Several streams, each whole and forwards, answered in the order asked: one query on the embedded store
   * (what a bulk write reads for a batch of a thousand certificates), one read per stream on EventStoreDB. */
  readStreams(streams: readonly string[]): Promise<RecordedEvent[][]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  health(): Promise<StoreHealth>;
  /** Ends open subscriptions and releases the store. Safe to call twice. */
  close(): Promise<void>;
}
