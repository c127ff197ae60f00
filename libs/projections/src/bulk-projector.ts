import Database from 'better-sqlite3';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RecordedEvent } from '@registry/event-store';
import { runningFromTypeScriptSources, typeScriptBootstrap } from '@registry/event-store/sqlite/typescript-source-loader';
import { BatchFolder, type LogPoint } from './batch-folder';
import type { BatchChanges } from './batch-changes';
import type { DocumentProjection } from './document-projection';
import type { BulkReply, BulkRequest, BulkWriterOptions, EncodedBatch } from './sqlite/bulk-writer-protocol';

/** Batches written ahead of their acknowledgement; bounds the memory the overlay holds. */
const MAX_IN_FLIGHT = 3;

function spawnWriter(options: BulkWriterOptions): Worker {
  const entry = join(__dirname, 'sqlite', runningFromTypeScriptSources() ? 'bulk-writer.worker.ts' : 'bulk-writer.worker.js');
  if (!runningFromTypeScriptSources()) return new Worker(entry, { workerData: options });
  return new Worker(typeScriptBootstrap(entry), { eval: true, workerData: options });
}

function encode(changes: BatchChanges): EncodedBatch {
  const documents: (string | null)[] = [];
  const keys: EncodedBatch['keys'] = [];
  changes.documents.forEach(({ projection, id, json, keys: documentKeys }, index) => {
    documents.push(projection, id, json);
    if (documentKeys !== null) keys.push([index, [...documentKeys]]);
  });
  const checkpoints = changes.checkpoints.map(({ projection, checkpoint }): EncodedBatch['checkpoints'][number] => {
    if (checkpoint.position === null || checkpoint.eventId === null) throw new Error('a batch checkpoint always has a position');
    return [projection, checkpoint.version, checkpoint.position, checkpoint.eventId];
  });
  return { documents, keys, checkpoints };
}

/**
 * Fills a fresh read-model file on two cores: this thread reads and folds the log, a worker thread does the
 * SQLite writes. Documents written but not yet acknowledged stay in an overlay (as JSON: flat strings cost
 * the garbage collector nothing to trace), so a later event never folds onto a stale document; acknowledged
 * ones are read back through a read-only connection (WAL lets it read beside the writer). For rebuilds only: checkpoints advance before the write is acknowledged, so any
 * failure fails the whole load, and the file is thrown away.
 */
export class BulkProjector {
  private readonly folder: BatchFolder;
  private readonly overlay = new Map<string, { seq: number; json: string | null }>();
  private readonly inFlight = new Map<number, string[]>();
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
    const touched: string[] = [];
    for (const { projection, id, json } of changes.documents) {
      const key = overlayKey(projection, id);
      this.overlay.set(key, { seq, json });
      touched.push(key);
    }
    this.inFlight.set(seq, touched);
    this.post({ kind: 'write', seq, batch: encode(changes) });
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
    const pending = this.overlay.get(overlayKey(projection, id));
    const json = pending === undefined ? this.lookups.get(projection)?.get(id) : pending.json;
    return json === undefined || json === null ? null : (JSON.parse(json) as unknown);
  }

  private post(request: BulkRequest): void {
    this.worker.postMessage(request);
  }

  private receive(reply: BulkReply): void {
    switch (reply.kind) {
      case 'written': {
        for (const key of this.inFlight.get(reply.seq) ?? []) {
          if (this.overlay.get(key)?.seq === reply.seq) this.overlay.delete(key);
        }
        this.inFlight.delete(reply.seq);
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

function overlayKey(projection: string, id: string): string {
  return `${projection}\u0000${id}`;
}
