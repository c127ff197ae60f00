/**
 * The one file that imports the EventStoreDB client. Everything else in this adapter speaks the types
 * below, so moving to `@kurrent/kurrentdb-client` (same API under new names: `KurrentDBClient`, the same
 * `appendToStream` / `readStream` / `readAll` / `subscribeToAll`, the same error classes) is this file.
 */
import {
  BACKWARDS,
  CancelledError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  NotLeaderError,
  START,
  StreamNotFoundError,
  streamNameFilter,
  UnavailableError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type Filter,
  type JSONType,
  type Position,
  type ReadPosition,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { status as grpcStatus } from '@grpc/grpc-js';
import { WrongExpectedRevisionError } from '../errors';
import type { Direction, EventData, ExpectedRevision } from '../event-store';

/** An event as the server returned it, before the port's mapping. */
export interface LogRecord {
  readonly id: string;
  readonly type: string;
  readonly stream: string;
  readonly revision: bigint;
  /** The commit position; see `serverPosition` for why it stands for the pair. */
  readonly position: bigint;
  /** Parsed JSON, or the raw bytes when the event was not written as `application/json`. */
  readonly data: unknown;
  /** Parsed JSON, the raw bytes when it is not JSON, undefined when empty. */
  readonly metadata: unknown;
  readonly created: Date;
}

export type StartPosition = bigint | 'start' | 'end';
export type StartRevision = bigint | 'start' | 'end';

/** What the server filters before sending; the adapter filters the rest itself. */
export type ServerFilter =
  | { readonly on: 'stream-name'; readonly prefixes: readonly string[] }
  | { readonly on: 'event-type'; readonly prefixes: readonly string[] }
  | { readonly on: 'no-system-event-types' };

export interface LogSubscription extends AsyncIterable<LogRecord> {
  /** Ends the gRPC call and the iteration. */
  close(): Promise<void>;
}

export interface AppendOutcome {
  readonly nextRevision: bigint;
  /** Undefined when nothing was written (an empty append). */
  readonly position: bigint | undefined;
}

/**
 * Port position = commit position. The server gives every event written over gRPC its own log position
 * and reports it as both commit and prepare position, so a position read from an event is `(p, p)`; the
 * adapter therefore sends `prepare = commit` whenever it reads or subscribes from a position. That is
 * exactly the event's own position, so `$all` forwards starts at it, backwards stops before it, and a
 * subscription starts after it. (Events written by the legacy TCP API's explicit transactions share one
 * commit position with distinct prepares; this registry never writes those, and does not support them.)
 */
export function serverPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

export class EsdbClient {
  private constructor(private readonly client: EventStoreDBClient) {}

  /** Parses the connection string (throws on a malformed one); connects lazily on first use. */
  static connect(connectionString: string): EsdbClient {
    return new EsdbClient(EventStoreDBClient.connectionString(connectionString));
  }

  async append(stream: string, events: readonly EventData[], expected: ExpectedRevision): Promise<AppendOutcome> {
    try {
      const result = await this.client.appendToStream(
        stream,
        events.map((event) =>
          jsonEvent({
            id: event.id,
            type: event.type,
            // The client JSON.stringifies any value at run time; its type only names objects, arrays and strings.
            data: event.data as JSONType,
            metadata: event.metadata,
          }),
        ),
        { expectedRevision: expected satisfies AppendExpectedRevision },
      );
      return { nextRevision: result.nextExpectedRevision, position: result.position?.commit };
    } catch (error) {
      // The caller's expected revision is reported as given: the server's echo of it loses no_stream on one path.
      if (error instanceof WrongExpectedVersionError) throw new WrongExpectedRevisionError(stream, expected, error.actualVersion);
      throw error;
    }
  }

  /** A stream that does not exist reads as empty. */
  async readStream(stream: string, from: StartRevision, direction: Direction, maxCount: number | undefined): Promise<LogRecord[]> {
    const read = this.client.readStream(stream, {
      fromRevision: from === 'start' ? START : from === 'end' ? END : from,
      direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
      maxCount: maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    const records: LogRecord[] = [];
    try {
      for await (const resolved of read) records.push(toRecord(resolved));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return records;
  }

  async readAll(from: StartPosition, direction: Direction, maxCount: number | undefined): Promise<LogRecord[]> {
    const read = this.client.readAll({
      fromPosition: readPosition(from),
      direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
      maxCount: maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    const records: LogRecord[] = [];
    for await (const resolved of read) records.push(toRecord(resolved));
    return records;
  }

  /** Catch-up then live, starting after `from`. */
  subscribeToAll(from: StartPosition, filter: ServerFilter): LogSubscription {
    return new ClientSubscription(this.client.subscribeToAll({ fromPosition: readPosition(from), filter: clientFilter(filter) }));
  }

  /** Cancels every open call; the client reconnects lazily if used again, so call it only at the end. */
  async dispose(): Promise<void> {
    await this.client.dispose();
  }
}

/**
 * Failures worth another attempt on a fresh connection. The client itself drops its channel on these
 * (and, for NotLeader, points the next channel at the leader the server named), but it never retries
 * the call that failed and never resubscribes: the adapter does that.
 */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof NotLeaderError ||
    error instanceof DeadlineExceededError ||
    error instanceof CancelledError ||
    isRawTransientStatus(error)
  );
}

// Some calls of the client (its ServerFeatures probe before the first append on a new channel) reject with
// grpc-js's own ServiceError, not one of its error classes: a node restarting then shows as UNAVAILABLE code 14.
const TRANSIENT_GRPC_CODES: ReadonlySet<number> = new Set([grpcStatus.UNAVAILABLE, grpcStatus.DEADLINE_EXCEEDED, grpcStatus.CANCELLED]);

function isRawTransientStatus(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error) || !('metadata' in error)) return false;
  return typeof error.code === 'number' && TRANSIENT_GRPC_CODES.has(error.code);
}

function readPosition(from: StartPosition): ReadPosition {
  return from === 'start' ? START : from === 'end' ? END : serverPosition(from);
}

function clientFilter(filter: ServerFilter): Filter {
  switch (filter.on) {
    case 'stream-name':
      return streamNameFilter({ prefixes: [...filter.prefixes] });
    case 'event-type':
      return eventTypeFilter({ prefixes: [...filter.prefixes] });
    case 'no-system-event-types':
      return excludeSystemEvents();
    default: {
      const unreachable: never = filter;
      throw new Error(`unknown server filter ${JSON.stringify(unreachable)}`);
    }
  }
}

function toRecord(resolved: ResolvedEvent | AllStreamResolvedEvent): LogRecord {
  const event = resolved.event;
  if (!event) throw new Error('the server sent a link whose event is gone; links are not read by this adapter');
  const position = event.position?.commit ?? resolved.commitPosition;
  if (position === undefined) {
    throw new Error(`event ${event.id} came without a log position: EventStoreDB 22.10 or later is required`);
  }
  return {
    id: event.id,
    type: event.type,
    stream: event.streamId,
    revision: event.revision,
    position,
    data: event.data,
    metadata: event.metadata,
    created: event.created,
  };
}

// Room for a burst without holding the whole catch-up in memory: past this the client stream is paused,
// and gRPC flow control holds the server back.
const HIGH_WATER = 512;

/** The client's subscription as an async iterable that ends when closed, whatever the call is doing. */
class ClientSubscription implements LogSubscription {
  private readonly buffer: LogRecord[] = [];
  private head = 0;
  private failure: unknown;
  private ended = false;
  private wake: (() => void) | undefined;

  constructor(private readonly source: AllStreamSubscription) {
    source.on('data', (resolved: AllStreamResolvedEvent) => {
      try {
        this.buffer.push(toRecord(resolved));
      } catch (error) {
        this.fail(error);
        return;
      }
      if (this.buffer.length - this.head >= HIGH_WATER) source.pause();
      this.notify();
    });
    source.on('error', (error: Error) => this.fail(error));
    source.on('end', () => this.finish());
    source.on('close', () => this.finish());
  }

  async *[Symbol.asyncIterator](): AsyncIterator<LogRecord> {
    for (;;) {
      if (this.head < this.buffer.length) {
        const record = this.buffer[this.head];
        this.head += 1;
        if (this.head === this.buffer.length) {
          this.buffer.length = 0;
          this.head = 0;
          if (this.source.isPaused()) this.source.resume();
        }
        yield record;
        continue;
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async close(): Promise<void> {
    if (this.ended && this.source.destroyed) return;
    this.finish();
    this.buffer.length = 0;
    this.head = 0;
    // Leaving a for-await over the client's stream does not end the gRPC call; unsubscribe cancels it.
    await this.source.unsubscribe();
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    this.notify();
  }

  private finish(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
