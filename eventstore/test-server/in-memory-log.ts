import { checkCommit, type ExpectedState, type StreamView } from './commit-check';

/** One event as the test server keeps it: bytes in, the same bytes out. */
export interface StoredEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: bigint;
  /** Commit and prepare position at once: EventStoreDB gives each event of a gRPC append its own log
   * position and reports it as both, so one number stands for the pair. */
  readonly position: bigint;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch, as the server's `created` metadata carries it. */
  readonly createdTicks: bigint;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

export type CurrentRevision = bigint | 'no_stream';

export type AppendOutcome =
  | { kind: 'appended'; lastRevision: CurrentRevision; position: bigint | undefined }
  | { kind: 'wrong_expected_version'; current: CurrentRevision };

/** A log position as the protocol spells it; events here always have commit === prepare. */
export interface LogPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

// Positions are byte offsets in the real server's transaction file: they grow by the record size and
// are never consecutive. The test server keeps that shape so nobody comes to rely on `position + 1`.
const RECORD_HEADER_BYTES = 80n;
const TICKS_PER_MILLISECOND = 10_000n;

class StreamRecord implements StreamView {
  readonly events: StoredEvent[] = [];
  private readonly revisionsById = new Map<string, bigint>();

  get lastRevision(): bigint {
    return BigInt(this.events.length) - 1n;
  }

  revisionOfId(id: string): bigint | undefined {
    return this.revisionsById.get(id);
  }

  idAt(revision: bigint): string | undefined {
    if (revision < 0n || revision >= BigInt(this.events.length)) return undefined;
    return this.events[Number(revision)].id;
  }

  add(event: StoredEvent): void {
    this.events.push(event);
    if (!this.revisionsById.has(event.id)) this.revisionsById.set(event.id, event.revision);
  }
}

const EMPTY_STREAM = new StreamRecord();

export class InMemoryLog {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StreamRecord>();
  private nextPosition = 0n;
  private waiters: Array<() => void> = [];
  private readonly writeListeners: Array<(events: readonly StoredEvent[]) => void> = [];

  constructor(private readonly nowMs: () => number = Date.now) {}

  get length(): number {
    return this.all.length;
  }

  at(index: number): StoredEvent {
    return this.all[index];
  }

  lastPosition(): bigint | undefined {
    return this.all.length === 0 ? undefined : this.all[this.all.length - 1].position;
  }

  /** The stream's events by revision; empty when the stream does not exist. */
  streamEvents(stream: string): readonly StoredEvent[] {
    return this.streams.get(stream)?.events ?? EMPTY_STREAM.events;
  }

  append(stream: string, expected: ExpectedState, proposed: readonly ProposedEvent[]): AppendOutcome {
    const record = this.streams.get(stream) ?? EMPTY_STREAM;
    const decision = checkCommit(
      record,
      expected,
      proposed.map((event) => event.id),
    );
    switch (decision.kind) {
      case 'wrong_expected_version':
        return { kind: 'wrong_expected_version', current: currentRevision(record.lastRevision) };
      case 'idempotent': {
        const repeated = record.events[Number(decision.lastRevision)];
        return { kind: 'appended', lastRevision: decision.lastRevision, position: repeated.position };
      }
      case 'write':
        return this.write(stream, proposed);
      default: {
        const unreachable: never = decision;
        throw new Error(`unknown commit decision ${String(unreachable)}`);
      }
    }
  }

  /** Index of the first event at or after the position, in the server's (commit, prepare) order. */
  firstIndexAtOrAfter(from: LogPosition): number {
    return this.firstIndexWhere((position) => position > from.commit || (position === from.commit && position >= from.prepare));
  }

  /** Index of the first event strictly after the position. */
  firstIndexAfter(from: LogPosition): number {
    return this.firstIndexWhere((position) => position > from.commit || (position === from.commit && position > from.prepare));
  }

  /** Called with the events of every write, before the append is answered (the persistence option's hook). */
  onWrite(listener: (events: readonly StoredEvent[]) => void): void {
    this.writeListeners.push(listener);
  }

  /** Puts back an event read from a log file, at the position it had. */
  restore(event: StoredEvent): void {
    let record = this.streams.get(event.stream);
    if (!record) {
      record = new StreamRecord();
      this.streams.set(event.stream, record);
    }
    if (event.revision !== record.lastRevision + 1n || event.position < this.nextPosition) {
      throw new Error(`log file out of order at ${event.stream}@${event.revision} (position ${event.position})`);
    }
    record.add(event);
    this.all.push(event);
    this.nextPosition = event.position + recordSize(event);
  }

  /** Resolves on the next append that writes at least one event. */
  waitForAppend(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private write(stream: string, proposed: readonly ProposedEvent[]): AppendOutcome {
    let record = this.streams.get(stream);
    if (proposed.length === 0) {
      return { kind: 'appended', lastRevision: currentRevision(record?.lastRevision ?? -1n), position: undefined };
    }
    if (!record) {
      record = new StreamRecord();
      this.streams.set(stream, record);
    }
    const createdTicks = BigInt(this.nowMs()) * TICKS_PER_MILLISECOND;
    let last: StoredEvent | undefined;
    const written: StoredEvent[] = [];
    for (const event of proposed) {
      last = {
        ...event,
        stream,
        revision: record.lastRevision + 1n,
        position: this.nextPosition,
        createdTicks,
      };
      this.nextPosition += recordSize(last);
      record.add(last);
      this.all.push(last);
      written.push(last);
    }
    for (const listener of this.writeListeners) listener(written);
    this.wakeWaiters();
    return { kind: 'appended', lastRevision: record.lastRevision, position: last?.position };
  }

  private wakeWaiters(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private firstIndexWhere(isAtOrPast: (position: bigint) => boolean): number {
    let low = 0;
    let high = this.all.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isAtOrPast(this.all[middle].position)) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

function currentRevision(lastRevision: bigint): CurrentRevision {
  return lastRevision < 0n ? 'no_stream' : lastRevision;
}

function recordSize(event: StoredEvent): bigint {
  const textBytes = Buffer.byteLength(event.stream) + Buffer.byteLength(event.type) + Buffer.byteLength(event.contentType);
  return RECORD_HEADER_BYTES + BigInt(textBytes + event.data.byteLength + event.customMetadata.byteLength);
}
