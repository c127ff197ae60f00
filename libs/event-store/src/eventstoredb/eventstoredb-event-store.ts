import { EventStoreUnavailableError, WrongExpectedRevisionError } from '../errors';
import type {
  ActualRevision,
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreHealth,
  StreamAppend,
  SubscribeToAllOptions,
} from '../event-store';
import { isTransient, type EsdbClient, type LogRecord, type StartPosition } from './esdb-client';
import { EventStoreDbSubscription } from './eventstoredb-subscription';
import { isSystemRecord, splitFilter, toRecordedEvent } from './record-mapping';
import { retry } from '../backoff';
import { CALL_RETRY } from './retry';

const MAX_PAGE = 4_096;
const HEALTH_TIMEOUT_MS = 3_000;

/**
 * The EventStore port on EventStoreDB (KurrentDB). Positions are commit positions (see
 * `serverPosition`); system events are left out of `$all`; transient failures are retried here.
 */
export class EventStoreDbEventStore implements EventStore {
  private closing: Promise<void> | undefined;
  /** Aborted by close(): no retry outlives the store. */
  private readonly closed = new AbortController();
  private readonly subscriptions = new Set<EventStoreDbSubscription>();

  constructor(private readonly client: EsdbClient) {}

  async append(stream: string, events: EventData[], options: AppendOptions): Promise<AppendResult> {
    this.ensureOpen();
    const expected = options.expectedRevision;
    if (events.length === 0) return this.emptyAppend(stream, expected);
    const outcome = await this.call(() => this.client.append(stream, events, expected));
    if (outcome.position === undefined) throw new Error(`the server acknowledged an append to ${stream} without a position`);
    return { nextRevision: outcome.nextRevision, position: outcome.position };
  }

  /**
   * EventStoreDB has no transaction across streams: stream by stream, in order, each at its expected revision.
   * A refusal stops there (the streams before it stay written); the same appends sent again are recognised by
   * their event ids, so a retry completes the rest without duplicating what was written.
   */
  async appendToStreams(appends: StreamAppend[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    for (const { stream, events, expectedRevision } of appends) results.push(await this.append(stream, events, { expectedRevision }));
    return results;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const direction = options.direction ?? 'forwards';
    const from = options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
    const records = await this.call(() => this.client.readStream(stream, from, direction, options.maxCount));
    return records.map(toRecordedEvent);
  }

  readStreams(streams: readonly string[]): Promise<RecordedEvent[][]> {
    return Promise.all(streams.map((stream) => this.readStream(stream)));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const direction = options.direction ?? 'forwards';
    let from: StartPosition = options.fromPosition ?? (direction === 'forwards' ? 'start' : 'end');
    if ((from === 'end' && direction === 'forwards') || (from === 'start' && direction === 'backwards')) return [];
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const kept: RecordedEvent[] = [];
    // Paging forwards restarts at the last event read, which the server includes again.
    let alreadyRead: bigint | undefined;
    let pageSize = 0;
    while (kept.length < limit) {
      // Ask for what is missing; when system events ate a page, ask for more each time.
      pageSize = Number.isFinite(limit) ? Math.min(MAX_PAGE, Math.max(limit - kept.length + 1, pageSize * 4)) : 0;
      const size = pageSize === 0 ? undefined : pageSize;
      const start = from;
      const page = await this.call(() => this.client.readAll(start, direction, size));
      for (const record of page) {
        if (record.position === alreadyRead || isSystemRecord(record)) continue;
        kept.push(toRecordedEvent(record));
        if (kept.length === limit) break;
      }
      if (size === undefined || page.length < size) break;
      const last = page[page.length - 1].position;
      from = last;
      alreadyRead = direction === 'forwards' ? last : undefined;
    }
    return kept;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.ensureOpen();
    const from = options.fromPosition ?? 'start';
    const { server, keep } = splitFilter(options.filter);
    // 'end' is pinned to the log's last position now, so a resubscription after a dropped connection
    // resumes from there instead of from a later end.
    const start: Promise<StartPosition> = from === 'end' ? this.lastPositionInLog() : Promise.resolve(from);
    const subscription = new EventStoreDbSubscription(
      { open: (after) => this.client.subscribeToAll(after, server), keep },
      start,
      (closed) => this.subscriptions.delete(closed),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async health(): Promise<StoreHealth> {
    if (this.closing) return { store: 'eventstoredb', status: 'down', detail: 'the event store is closed' };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
    });
    try {
      const [last] = await Promise.race([this.readAll({ direction: 'backwards', maxCount: 1 }), timeout]);
      return { store: 'eventstoredb', status: 'up', ...(last ? { lastPosition: last.position } : {}) };
    } catch (error) {
      return { store: 'eventstoredb', status: 'down', detail: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }

  close(): Promise<void> {
    this.closed.abort();
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** An append of no events writes nothing, so it is checked here rather than sent. */
  private async emptyAppend(stream: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [tip]: Array<LogRecord | undefined> = await this.call(() => this.client.readStream(stream, 'end', 'backwards', 1));
    const actual: ActualRevision = tip === undefined ? 'no_stream' : tip.revision;
    if (!fitsExpected(expected, actual)) throw new WrongExpectedRevisionError(stream, expected, actual);
    return { nextRevision: tip?.revision ?? -1n, position: tip?.position ?? -1n };
  }

  /** The position of the newest event of any kind, system events included; 'start' on an empty log. */
  private async lastPositionInLog(): Promise<StartPosition> {
    const [last]: Array<LogRecord | undefined> = await this.call(() => this.client.readAll('end', 'backwards', 1));
    return last?.position ?? 'start';
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await retry(operation, { policy: CALL_RETRY, retryable: isTransient, signal: this.closed.signal });
    } catch (error) {
      if (this.closing) throw new EventStoreUnavailableError('the event store is closed');
      // Still unreachable after the retries: the port's one "not available" error, which callers turn into
      // SERVICE_UNAVAILABLE, instead of the client's own class.
      if (isTransient(error)) {
        throw new EventStoreUnavailableError(`EventStoreDB is not reachable: ${error instanceof Error ? error.message : String(error)}`);
      }
      throw error;
    }
  }

  private ensureOpen(): void {
    if (this.closing) throw new EventStoreUnavailableError('the event store is closed');
  }
}

function fitsExpected(expected: ExpectedRevision, actual: ActualRevision): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return actual === 'no_stream';
    case 'stream_exists':
      return actual !== 'no_stream';
    default:
      return expected === actual;
  }
}
