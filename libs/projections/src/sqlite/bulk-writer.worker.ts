import { parentPort, workerData } from 'node:worker_threads';
import type { BatchChanges, DocumentChange } from '../batch-changes';
import type { BulkReply, BulkRequest, BulkWriterOptions, EncodedBatch } from './bulk-writer-protocol';
import { ProjectionTables } from './projection-tables';
import { openReadModelFile } from './read-model-file';

function decode(batch: EncodedBatch): BatchChanges {
  const documents: DocumentChange[] = [];
  const { documents: flat } = batch;
  for (let index = 0; index < flat.length; index += 3) {
    documents.push({ projection: flat[index] as string, id: flat[index + 1] as string, json: flat[index + 2], keys: null });
  }
  for (const [triplet, keys] of batch.keys) documents[triplet].keys = keys;
  const checkpoints = batch.checkpoints.map(([projection, version, position, eventId]) => ({
    projection,
    checkpoint: { version, position, eventId },
  }));
  return { documents, checkpoints };
}

/** The rebuild's writer: SQLite inserts on their own core while the main thread reads and folds the log. */
function main(port: NonNullable<typeof parentPort>, options: BulkWriterOptions): void {
  const reply = (message: BulkReply): void => port.postMessage(message);
  let tables: ProjectionTables;
  const db = (() => {
    try {
      return openReadModelFile(options.file, 'bulk');
    } catch (error) {
      reply({ kind: 'open-failed', message: error instanceof Error ? error.message : String(error) });
      return null;
    }
  })();
  if (db === null) return;
  try {
    tables = new ProjectionTables(db, options.projections);
  } catch (error) {
    db.close();
    reply({ kind: 'open-failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  reply({ kind: 'ready' });
  port.on('message', (request: BulkRequest) => {
    switch (request.kind) {
      case 'write':
        try {
          tables.write(decode(request.batch));
          reply({ kind: 'written', seq: request.seq });
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
