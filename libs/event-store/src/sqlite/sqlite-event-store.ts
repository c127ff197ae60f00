import { chmodSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreHealth,
  StreamAppend,
  SubscribeToAllOptions,
} from '../event-store';
import { CommitSignal } from './commit-signal';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import { EventReader } from './event-reader';
import { LogSubscription } from './log-subscription';
import { WriterClient, type WriterStats } from './writer-client';
import type { EncodedEvent } from './writer-protocol';

/** SQLite's largest integer: "the end" of a stream or of the log. */
const LAST_POSSIBLE_POSITION = 9_223_372_036_854_775_807n;

export interface SqliteEventStoreOptions {
  /** Directory holding the SQLite file; created if missing. One process at a time may open it. */
  dataDir: string;
}

/** Opens the embedded store, or refuses with EventStoreUnavailableError if another process holds the directory. */
export async function openSqliteEventStore(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
  const dataDir = resolve(options.dataDir);
  const lock = unavailableUnlessOpened(dataDir, () => {
    // The log holds who holds which certificate: only the registry's own user may read it.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    chmodSync(dataDir, 0o700);
    return lockDataDir(dataDir);
  });
  try {
    const signal = new CommitSignal();
    const known = { lastPosition: 0n };
    const { writer, lastPosition } = await WriterClient.start({ dataDir }, (committed) => {
      if (committed > known.lastPosition) known.lastPosition = committed;
      signal.notify();
    });
    known.lastPosition = lastPosition;
    const reader = new EventReader(dataDir);
    return new SqliteEventStore(dataDir, lock, writer, reader, signal, known);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** A directory that cannot be created or written gets a message naming it, not a bare errno. */
function unavailableUnlessOpened<T>(dataDir: string, open: () => T): T {
  try {
    return open();
  } catch (error) {
    if (error instanceof EventStoreUnavailableError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new EventStoreUnavailableError(`Cannot use the data directory ${dataDir} for the embedded event store: ${reason}`);
  }
}

export class SqliteEventStore implements EventStore {
  private readonly subscriptions = new Set<LogSubscription>();
  private closing: Promise<void> | undefined;

  constructor(
    readonly dataDir: string,
    private readonly lock: DataDirLock,
    private readonly writer: WriterClient,
    private readonly reader: EventReader,
    private readonly signal: CommitSignal,
    private readonly known: { lastPosition: bigint },
  ) {}

  async append(stream: string, events: EventData[], options: AppendOptions): Promise<AppendResult> {
    const expected = options.expectedRevision;
    const outcome = await this.writer.append({ stream, expected, events: events.map(encode) });
    switch (outcome.kind) {
      case 'appended':
      case 'already-appended':
        return { nextRevision: outcome.nextRevision, position: outcome.position };
      case 'conflict':
        throw new WrongExpectedRevisionError(stream, expected, outcome.actual);
      default: {
        const unknown: never = outcome;
        throw new Error(`unknown append outcome ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** One transaction for every stream: committed together, with one fsync, or not at all. */
  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const requests = appends.map(({ stream, events, expectedRevision }) => ({ stream, expected: expectedRevision, events: events.map(encode) }));
    const outcome = await this.writer.appendAtomic(requests);
    if (outcome.kind === 'group-conflict') {
      const lost = requests[outcome.index];
      throw new WrongExpectedRevisionError(lost.stream, lost.expected, outcome.actual);
    }
    return outcome.outcomes.map((each) => {
      // A group commits only when none of its appends conflicted.
      if (each.kind === 'conflict') throw new Error('a conflict inside a committed group');
      return { nextRevision: each.nextRevision, position: each.position };
    });
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const direction = options.direction ?? 'forwards';
    const from = options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
    if (direction === 'forwards' && from === 'end') return [];
    const fromRevision = from === 'start' ? 0n : from === 'end' ? LAST_POSSIBLE_POSITION : from;
    return this.reader.streamFrom(stream, fromRevision, direction, options.maxCount);
  }

  async readStreams(streams: readonly string[]): Promise<RecordedEvent[][]> {
    this.ensureOpen();
    return this.reader.streams(streams);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const direction = options.direction ?? 'forwards';
    const from = options.fromPosition ?? (direction === 'forwards' ? 'start' : 'end');
    if (from === 'end' && direction === 'forwards') return [];
    if (from === 'start' && direction === 'backwards') return [];
    const fromPosition = from === 'start' ? 0n : from === 'end' ? LAST_POSSIBLE_POSITION : from;
    return this.reader.allFrom(fromPosition, direction, options.maxCount);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.ensureOpen();
    const from = options.fromPosition ?? 'start';
    const cursor = from === 'start' ? -1n : from === 'end' ? this.known.lastPosition : from;
    const subscription = new LogSubscription(
      {
        lastPosition: () => this.known.lastPosition,
        readAfter: (after, upTo, filter, limit) => this.reader.allAfter(after, upTo, filter, limit),
        nextCommit: () => this.signal.next(),
      },
      cursor,
      options.filter,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async health(): Promise<StoreHealth> {
    const writer = this.writer.health;
    if (!writer.up) return { store: 'embedded', status: 'down', detail: writer.reason };
    try {
      return { store: 'embedded', status: 'up', lastPosition: this.reader.lastPosition() };
    } catch (error) {
      return { store: 'embedded', status: 'down', detail: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Group-commit counters, for tests and benchmarks. */
  stats(): WriterStats {
    return this.writer.counters;
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.writer.close();
    this.reader.close();
    this.lock.release();
  }

  private ensureOpen(): void {
    if (this.closing !== undefined) throw new EventStoreUnavailableError('the event store is closed');
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Serialises on the caller's side so that a bad event fails its own append, never a whole batch. */
function encode(event: EventData): EncodedEvent {
  if (typeof event.id !== 'string' || !UUID.test(event.id)) throw new TypeError(`event id must be a UUID, got ${String(event.id)}`);
  if (typeof event.type !== 'string' || event.type.length === 0) throw new TypeError('event type must be a non-empty string');
  const data = JSON.stringify(event.data);
  const metadata = JSON.stringify(event.metadata ?? {});
  if (data === undefined) throw new TypeError(`event ${event.id}: data is not JSON`);
  // Ids compare as EventStoreDB stores them: lower-cased.
  return { id: event.id.toLowerCase(), type: event.type, data, metadata };
}
