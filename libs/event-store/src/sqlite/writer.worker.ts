import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { BatchCommitter } from './batch-committer';
import { eventsFilePath, prepareWriterConnection } from './schema';
import type { WriterOptions, WriterReply, WriterRequest } from './writer-protocol';

/**
 * The only thread that writes. Each COMMIT waits on fsync; doing that here keeps the main event loop free
 * to serve requests and to gather the next batch meanwhile (group commit).
 */
function main(port: NonNullable<typeof parentPort>, options: WriterOptions): void {
  const reply = (message: WriterReply): void => port.postMessage(message);
  let db: Database.Database;
  let committer: BatchCommitter;
  try {
    db = new Database(eventsFilePath(options.dataDir));
    prepareWriterConnection(db);
    committer = new BatchCommitter(db);
  } catch (error) {
    reply({ kind: 'open-failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  reply({ kind: 'ready', lastPosition: committer.lastPosition() });

  port.on('message', (request: WriterRequest) => {
    switch (request.kind) {
      case 'commit': {
        try {
          const outcomes = committer.commit(request.appends);
          reply({ kind: 'committed', batch: request.batch, outcomes });
        } catch (error) {
          reply({
            kind: 'batch-failed',
            batch: request.batch,
            message: error instanceof Error ? error.message : String(error),
          });
        }
        return;
      }
      case 'close': {
        db.close();
        reply({ kind: 'closed' });
        port.close();
        return;
      }
      default: {
        const unknown: never = request;
        throw new Error(`unknown writer request ${JSON.stringify(unknown)}`);
      }
    }
  });
}

if (parentPort === null) throw new Error('writer.worker must run on a worker thread');
main(parentPort, workerData as WriterOptions);
