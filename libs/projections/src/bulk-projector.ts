import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import type { RecordedEvent } from '@registry/event-store';
import { BatchFolder, type LogPoint } from './batch-folder';
import type { DocumentProjection } from './document-projection';
import type { BulkReply, BulkRequest, BulkWriterOptions } from './sqlite/bulk-writer-protocol';
import { SharedBatchSlot } from './sqlite/shared-batch';

/** Batches written ahead of their acknowledgement; bounds the memory the overlay holds. */
const MAX_IN_FLIGHT = 3;
/** A slot starts large enough for a page of certificates, and grows when a batch needs more. */
const SLOT_BYTES = 1 << 20;

/** Spawned as the event store's writer is (see its writer-client.ts): an explicit `env` passes NODE_OPTIONS on. */
function spawnWriter(options: BulkWriterOptions): Worker {
  return new Worker(require.resolve('./sqlite/bulk-writer.worker'), { workerData: options, env: { ...process.env } });
}

/**
 * Fills a fresh read-model file on two cores: this thread reads and folds the log, a worker thread does the
 * SQLite writes, the documents passing through shared memory. Documents written but not yet acknowledged
 * stay in an overlay (as JSON: flat strings cost the garbage collector nothing to trace), so a later event
 * never folds onto a stale document; acknowledged ones are read back through a read-only connection (WAL
 * lets it read beside the writer). For rebuilds only: checkpoints advance before the write is acknowledged,
 * so any failure fails the whole load, and the file is thrown away.
 */
export class BulkProjector {
  private readonly folder: BatchFolder;
  /** Per projection, the documents written but not acknowledged yet, by id. */
  private readonly overlay = new Map<string, Map<string, { seq: number; json: string | null }>>();
  /** Per batch in flight: its slot and the documents it holds in the overlay. */
  private readonly inFlight = new Map<number, { slot: number; projections: string[]; ids: string[] }>();
  private readonly slots: SharedBatchSlot[] = [];
  private readonly freeSlots: number[] = [];
  private readonly projectionIndex: Map<string, number>;
  private readonly lookups = new Map<string, Database.Statement<[string], string>>();
  private seq = 0;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private closed: Promise<void> | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly reader: Database.Database,
    projections: readonly DocumentProjection<unknown>[],
  ) {
    for (const { name } of projections) {
      this.lookups.set(name, reader.prepare<[string], string>(`SELECT doc FROM "doc_${name}" WHERE id = ?`).pluck());
      this.overlay.set(name, new Map());
    }
    this.projectionIndex = new Map(projections.map(({ name }, index) => [name, index]));
    for (let slot = 0; slot < MAX_IN_FLIGHT + 2; slot += 1) {
      this.slots.push(new SharedBatchSlot(SLOT_BYTES));
      this.freeSlots.push(slot);
    }
    this.folder = new BatchFolder(projections, new Map(), { get: (projection, id) => this.lookup(projection, id) });
    worker.on('message', (reply: BulkReply) => this.receive(reply));
    worker.on('error', (error: Error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.closed === undefined) this.fail(new Error(`the read-model writer thread exited (code ${code})`));
    });
  }

  /** Starts the writer on `file` (which must be new), and opens the reader once the tables exist. */
  static async open(file: string, projections: readonly DocumentProjection<unknown>[]): Promise<BulkProjector> {
    const worker = spawnWriter({ file, projections: projections.map(({ name, version }) => ({ name, version })) });
    await new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', (reply: BulkReply) => {
        worker.off('error', reject);
        if (reply.kind === 'ready') resolve();
        else reject(new Error(reply.kind === 'open-failed' ? reply.message : `unexpected reply ${reply.kind}`));
      });
    });
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    reader.pragma('cache_size = -32768');
    return new BulkProjector(worker, reader, projections);
  }

  position(): bigint | null {
    return this.folder.position();
  }

  furthest(): LogPoint | null {
    return this.folder.furthest();
  }

  /** Folds a batch and hands it to the writer; waits only when too many batches are unacknowledged. */
  async apply(events: readonly RecordedEvent[]): Promise<void> {
    this.throwIfFailed();
    if (events.length === 0) return;
    const changes = this.folder.fold(events);
    const seq = ++this.seq;
    const projections: string[] = [];
    const ids: string[] = [];
    for (const { projection, id, json } of changes.documents) {
      this.overlay.get(projection)?.set(id, { seq, json });
      projections.push(projection);
      ids.push(id);
    }
    const slot = this.freeSlots.pop();
    if (slot === undefined) throw new Error('no free slot: more batches in flight than slots');
    const shared = this.slots[slot];
    const meta = shared.encode(changes.documents, this.projectionIndex);
    this.inFlight.set(seq, { slot, projections, ids });
    const buffer = shared.fresh ? shared.buffer : undefined;
    shared.fresh = false;
    this.worker.postMessage({ kind: 'write', seq, slot, buffer, meta, checkpoints: changes.checkpoints } satisfies BulkRequest, [meta.buffer as ArrayBuffer]);
    this.folder.advance(changes.checkpoints);
    while (this.inFlight.size > MAX_IN_FLIGHT) await this.acknowledgement();
  }

  /** Waits for every write, then closes reader and writer: the file is then complete and alone (no WAL). */
  async finish(): Promise<void> {
    while (this.inFlight.size > 0) await this.acknowledgement();
    await this.close();
  }

  /** Stops at once; what was written is left for the caller to delete. */
  async abort(): Promise<void> {
    this.closed ??= (async () => {
      this.reader.close();
      await this.worker.terminate();
    })();
    await this.closed;
  }

  private close(): Promise<void> {
    // The reader goes first so that the writer, the last connection, folds the WAL into the file.
    this.closed ??= new Promise<void>((resolve, reject) => {
      this.reader.close();
      this.worker.once('exit', () => resolve());
      this.worker.once('error', reject);
      this.post({ kind: 'close' });
    });
    return this.closed;
  }

  private lookup(projection: string, id: string): unknown {
    const pending = this.overlay.get(projection)?.get(id);
    const json = pending === undefined ? this.lookups.get(projection)?.get(id) : pending.json;
    return json === undefined || json === null ? null : (JSON.parse(json) as unknown);
  }

  private post(request: BulkRequest): void {
    this.worker.postMessage(request);
  }

  private receive(reply: BulkReply): void {
    switch (reply.kind) {
      case 'written': {
        const batch = this.inFlight.get(reply.seq);
        if (batch === undefined) break;
        batch.ids.forEach((id, index) => {
          const documents = this.overlay.get(batch.projections[index]);
          if (documents?.get(id)?.seq === reply.seq) documents.delete(id);
        });
        this.inFlight.delete(reply.seq);
        this.freeSlots.push(batch.slot);
        break;
      }
      case 'failed':
        this.fail(new Error(`writing read models failed: ${reply.message}`));
        break;
      case 'ready':
      case 'open-failed':
      case 'closed':
        break;
      default: {
        const unknown: never = reply;
        this.fail(new Error(`unexpected reply ${JSON.stringify(unknown)}`));
      }
    }
    this.wake?.();
  }

  private acknowledgement(): Promise<void> {
    this.throwIfFailed();
    return new Promise<void>((resolve) => {
      this.wake = () => {
        this.wake = undefined;
        resolve();
      };
    }).then(() => this.throwIfFailed());
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake?.();
  }

  private throwIfFailed(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
