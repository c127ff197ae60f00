import { parentPort, workerData } from 'node:worker_threads';
import type { BulkReply, BulkRequest, BulkWriterOptions, WriteRequest } from './bulk-writer-protocol';
import { ProjectionTables } from './projection-tables';
import { openReadModelFile } from './read-model-file';
import { decodeSharedBatch } from './shared-batch';

/** The rebuild's writer: SQLite inserts on their own core while the main thread reads and folds the log. */
function main(port: NonNullable<typeof parentPort>, options: BulkWriterOptions): void {
  const reply = (message: BulkReply): void => port.postMessage(message);
  const names = options.projections.map((projection) => projection.name);
  const slots = new Map<number, Buffer>();
  let db: ReturnType<typeof openReadModelFile>;
  let tables: ProjectionTables;
  try {
    db = openReadModelFile(options.file, 'bulk');
  } catch (error) {
    reply({ kind: 'open-failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  try {
    tables = new ProjectionTables(db, options.projections);
  } catch (error) {
    db.close();
    reply({ kind: 'open-failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  reply({ kind: 'ready' });

  const write = (request: WriteRequest): void => {
    if (request.buffer !== undefined) slots.set(request.slot, Buffer.from(request.buffer));
    const bytes = slots.get(request.slot);
    if (bytes === undefined) throw new Error(`slot ${request.slot} has no buffer`);
    tables.write({ documents: decodeSharedBatch(bytes, request.meta, names), checkpoints: request.checkpoints });
  };

  port.on('message', (request: BulkRequest) => {
    switch (request.kind) {
      case 'write':
        try {
          write(request);
          reply({ kind: 'written', seq: request.seq, slot: request.slot });
        } catch (error) {
          reply({ kind: 'failed', seq: request.seq, message: error instanceof Error ? error.message : String(error) });
        }
        return;
      case 'close':
        // Fold the WAL into the file so that the file alone is the whole result.
        db.pragma('wal_checkpoint(TRUNCATE)');
        db.close();
        reply({ kind: 'closed' });
        port.close();
        return;
      default: {
        const unknown: never = request;
        throw new Error(`unknown request ${JSON.stringify(unknown)}`);
      }
    }
  });
}

if (parentPort !== null) main(parentPort, workerData as BulkWriterOptions);
