import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { EventStoreUnavailableError } from '../errors';
import { BatchCommitter } from './batch-committer';
import { eventsFilePath, prepareWriterConnection } from './schema';
import {
  isAtomic,
  type AppendOutcome,
  type AppendRequest,
  type AtomicAppendOutcome,
  type CommitMember,
  type MemberOutcome,
  type WriterOptions,
  type WriterReply,
  type WriterRequest,
} from './writer-protocol';

interface Pending {
  request: CommitMember;
  bytes: number;
  resolve(outcome: MemberOutcome): void;
  reject(error: Error): void;
}

/** Bounds one transaction so a burst cannot make a single commit (and its callers) wait too long. */
const MAX_APPENDS_PER_BATCH = 1024;
const MAX_BYTES_PER_BATCH = 32 * 1024 * 1024;

export interface WriterStats {
  /** Transactions committed (one fsync each). */
  commits: number;
  /** Appends carried by those transactions. */
  appends: number;
}

/**
 * The main thread's side of the writer worker. The worker keeps the process alive only while a commit or the
 * close is under way: an idle store, like an idle file handle, does not hold a process open (no other process
 * may write to it, so with nothing else running no event could ever arrive).
 *
 * Group commit: while one batch is being committed, every
 * append that arrives waits in `queue`; when the commit returns, all of them leave together as the next
 * batch. One batch in flight at a time keeps positions in arrival order.
 */
export class WriterClient {
  private readonly queue: Pending[] = [];
  private inFlight: { batch: number; members: Pending[] } | undefined;
  private nextBatch = 1;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;
  private readonly stats: WriterStats = { commits: 0, appends: 0 };
  private scheduled = false;

  private constructor(
    private readonly worker: Worker,
    private readonly local: { db: Database.Database; committer: BatchCommitter },
    private readonly onCommitted: (lastPosition: bigint) => void,
  ) {
    worker.on('message', (reply: WriterReply) => this.receive(reply));
    worker.on('error', (error: Error) => this.fail(new EventStoreUnavailableError(`event-store writer failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (this.closing === undefined) this.fail(new EventStoreUnavailableError(`event-store writer exited (code ${code})`));
    });
  }

  /** Starts the worker and resolves once it has opened the file, with the log's last position. */
  static start(
    options: WriterOptions,
    onCommitted: (lastPosition: bigint) => void,
  ): Promise<{ writer: WriterClient; lastPosition: bigint }> {
    const worker = spawnWriter(options);
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(new EventStoreUnavailableError(`event-store writer failed to start: ${error.message}`));
      worker.once('error', onError);
      worker.once('message', (reply: WriterReply) => {
        worker.off('error', onError);
        if (reply.kind === 'ready') {
          let local: { db: Database.Database; committer: BatchCommitter };
          try {
            local = openLocalWriter(options.dataDir);
          } catch (error) {
            void worker.terminate();
            reject(new EventStoreUnavailableError(`event-store writer failed to start: ${error instanceof Error ? error.message : String(error)}`));
            return;
          }
          const writer = new WriterClient(worker, local, onCommitted);
          // After the client's listeners: adding a 'message' listener refs the worker's port again.
          worker.unref();
          resolve({ writer, lastPosition: reply.lastPosition });
          return;
        }
        void worker.terminate();
        reject(new EventStoreUnavailableError(reply.kind === 'open-failed' ? reply.message : `unexpected ${reply.kind}`));
      });
    });
  }

  get health(): { up: true } | { up: false; reason: string } {
    if (this.failure !== undefined) return { up: false, reason: this.failure.message };
    if (this.closing !== undefined) return { up: false, reason: 'closed' };
    return { up: true };
  }

  get counters(): WriterStats {
    return { ...this.stats };
  }

  append(request: AppendRequest): Promise<AppendOutcome> {
    return this.enqueue(request) as Promise<AppendOutcome>;
  }

  /** Appends to several streams that commit together, in one transaction, or not at all. */
  appendAtomic(appends: AppendRequest[]): Promise<AtomicAppendOutcome> {
    return this.enqueue({ atomic: appends }) as Promise<AtomicAppendOutcome>;
  }

  private enqueue(request: CommitMember): Promise<MemberOutcome> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    if (this.closing !== undefined) return Promise.reject(new EventStoreUnavailableError('the event store is closed'));
    const bytes = (isAtomic(request) ? request.atomic : [request]).reduce(
      (sum, append) => append.events.reduce((total, e) => total + e.data.length + e.metadata.length, sum),
      0,
    );
    return new Promise<MemberOutcome>((resolve, reject) => {
      this.queue.push({ request, bytes, resolve, reject });
      // After this turn of the event loop: appends made in the same turn go together, as one batch.
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.pump();
        });
      }
    });
  }

  /** Lets the batch in flight finish (its callers were promised durability), refuses the rest, stops. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    const refused = new EventStoreUnavailableError('the event store is closed');
    for (const pending of this.queue.splice(0)) pending.reject(refused);
    this.local.db.close();
    if (this.failure !== undefined) {
      await this.worker.terminate();
      return;
    }
    this.worker.ref();
    await new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      this.whenIdle(() => this.post({ kind: 'close' }));
    });
  }

  private idleWaiters: Array<() => void> = [];

  private whenIdle(then: () => void): void {
    if (this.inFlight === undefined) then();
    else this.idleWaiters.push(then);
  }

  private pump(): void {
    if (this.inFlight !== undefined || this.queue.length === 0 || this.failure !== undefined) return;
    // A lone atomic group goes to the worker too: it is a bulk write, and the main thread has the next one to prepare.
    if (this.queue.length === 1 && !isAtomic(this.queue[0].request)) {
      this.commitHere(this.queue.splice(0, 1)[0]);
      return;
    }
    let count = 0;
    let bytes = 0;
    while (count < this.queue.length && count < MAX_APPENDS_PER_BATCH) {
      bytes += this.queue[count].bytes;
      count += 1;
      if (bytes >= MAX_BYTES_PER_BATCH) break;
    }
    const members = this.queue.splice(0, count);
    const batch = this.nextBatch++;
    this.inFlight = { batch, members };
    this.worker.ref();
    this.post({ kind: 'commit', batch, appends: members.map((m) => m.request) });
  }

  /**
   * An append that waits alone commits here, on the caller's thread, through a second connection: it saves the
   * two thread wake-ups of the worker's round trip, which cost as much as the commit itself on a fast disk
   * (issue 18, row 2; an Atomics.wait hand-off measured no better, as the worker must still be woken). It blocks
   * the event loop for one commit, as any synchronous SQLite write does; appends that arrive together still go
   * to the worker as one batch. Never while a batch is in flight, so one transaction at a time keeps positions
   * in arrival order and no connection ever waits for the other's lock.
   */
  private commitHere(member: Pending): void {
    let outcome: MemberOutcome;
    try {
      outcome = this.local.committer.commit([member.request])[0];
    } catch (error) {
      member.reject(new EventStoreUnavailableError(`append failed, nothing written: ${error instanceof Error ? error.message : String(error)}`));
      return;
    }
    this.stats.commits += 1;
    this.stats.appends += 1;
    this.committed([outcome]);
    member.resolve(outcome);
  }

  private receive(reply: WriterReply): void {
    switch (reply.kind) {
      case 'committed': {
        const members = this.settle(reply.batch);
        this.stats.commits += 1;
        this.stats.appends += members.length;
        // Subscribers first: by the time a caller sees its append resolve, live readers have been woken.
        this.committed(reply.outcomes);
        members.forEach((member, index) => member.resolve(reply.outcomes[index]));
        break;
      }
      case 'batch-failed': {
        const error = new EventStoreUnavailableError(`append failed, nothing written: ${reply.message}`);
        this.settle(reply.batch).forEach((member) => member.reject(error));
        break;
      }
      case 'ready':
      case 'open-failed':
      case 'closed':
        return;
      default: {
        const unknown: never = reply;
        throw new Error(`unknown writer reply ${JSON.stringify(unknown)}`);
      }
    }
    this.pump();
  }

  /** Wakes subscribers up to the last position the batch wrote: positions grow within a transaction, so
   * no query for max(position) is needed. A batch that wrote nothing wakes nobody. */
  private committed(outcomes: MemberOutcome[]): void {
    let last = 0n;
    const appended = outcomes.flatMap((outcome): AppendOutcome[] => (outcome.kind === 'all-appended' ? outcome.outcomes : outcome.kind === 'group-conflict' ? [] : [outcome]));
    for (const outcome of appended) if (outcome.kind === 'appended' && outcome.position > last) last = outcome.position;
    if (last > 0n) this.onCommitted(last);
  }

  private settle(batch: number): Pending[] {
    const inFlight = this.inFlight;
    if (inFlight === undefined || inFlight.batch !== batch) throw new Error(`writer answered unknown batch ${batch}`);
    this.inFlight = undefined;
    if (this.closing === undefined) this.worker.unref();
    for (const waiter of this.idleWaiters.splice(0)) waiter();
    return inFlight.members;
  }

  private fail(error: Error): void {
    if (this.failure !== undefined) return;
    this.failure = error;
    for (const pending of [...(this.inFlight?.members ?? []), ...this.queue.splice(0)]) pending.reject(error);
    this.inFlight = undefined;
    for (const waiter of this.idleWaiters.splice(0)) waiter();
  }

  private post(request: WriterRequest): void {
    this.worker.postMessage(request);
  }
}

/** Opened after the worker: the worker has created the schema by then. */
function openLocalWriter(dataDir: string): { db: Database.Database; committer: BatchCommitter } {
  const db = new Database(eventsFilePath(dataDir), { fileMustExist: true });
  try {
    prepareWriterConnection(db);
    return { db, committer: new BatchCommitter(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * The worker's file is resolved like an import (`.js` when built, `.ts` under jest). The `env` given is the
 * snapshot a worker gets by default, but given explicitly it makes the worker read NODE_OPTIONS as a process
 * would: that is how an operator's options and, in tests, the TypeScript loader reach the worker.
 */
function spawnWriter(options: WriterOptions): Worker {
  return new Worker(require.resolve('./writer.worker'), { workerData: options, env: { ...process.env } });
}
