import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { InMemoryLog, StoredEvent } from './in-memory-log';

/** One event a line; bytes in base64, 64-bit numbers as decimal strings. */
interface EventLine {
  id: string;
  stream: string;
  revision: string;
  position: string;
  type: string;
  contentType: string;
  data: string;
  customMetadata: string;
  createdTicks: string;
}

/**
 * The persistence option: the log kept in a file of JSON lines, so that a test server started again (a new
 * process included) on the same file has the same events at the same positions — a node restart that loses
 * nothing. Each write is on disk (fsync) before its append is answered. Still a test double: one file, no
 * checksums, no recovery of a torn last line beyond dropping it.
 */
export function keepLogInFile(path: string, log: InMemoryLog): { close(): void } {
  if (existsSync(path)) {
    const lines = readFileSync(path, 'utf8').split('\n');
    // A last line cut short by a kill was never acknowledged: it is dropped.
    for (const line of lines.slice(0, -1)) if (line !== '') log.restore(fromLine(JSON.parse(line) as EventLine));
  }
  const fd = openSync(path, 'a');
  let open = true;
  log.onWrite((events) => {
    if (!open) throw new Error('the log file is closed');
    writeSync(fd, events.map((event) => `${JSON.stringify(toLine(event))}\n`).join(''));
    fsyncSync(fd);
  });
  return {
    close: () => {
      if (open) closeSync(fd);
      open = false;
    },
  };
}

function toLine(event: StoredEvent): EventLine {
  return {
    id: event.id,
    stream: event.stream,
    revision: event.revision.toString(),
    position: event.position.toString(),
    type: event.type,
    contentType: event.contentType,
    data: Buffer.from(event.data).toString('base64'),
    customMetadata: Buffer.from(event.customMetadata).toString('base64'),
    createdTicks: event.createdTicks.toString(),
  };
}

function fromLine(line: EventLine): StoredEvent {
  return {
    id: line.id,
    stream: line.stream,
    revision: BigInt(line.revision),
    position: BigInt(line.position),
    type: line.type,
    contentType: line.contentType,
    data: new Uint8Array(Buffer.from(line.data, 'base64')),
    customMetadata: new Uint8Array(Buffer.from(line.customMetadata, 'base64')),
    createdTicks: BigInt(line.createdTicks),
  };
}
