import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { EventFilter } from './event-filter';
import type { InMemoryLog, StoredEvent } from './in-memory-log';
import { caughtUpReply, checkpointReply, confirmationReply, eventReply } from './read-responses';
import type { ReplyWriter } from './reply-writer';
import { BadRequest, positionOf, type UuidFormat } from './wire-values';

/** Where a subscription reads from: the events it may deliver, in order, growing as appends land. */
interface Source {
  length(): number;
  at(index: number): StoredEvent;
}

/**
 * Catch-up then live over one cursor on the in-memory log: the hand-off cannot leave a gap or repeat an
 * event, because the live phase is the same loop waiting for the log to grow. A subscription starts
 * AFTER the given position or revision.
 */
export async function subscribeToAll(
  log: InMemoryLog,
  writer: ReplyWriter,
  options: ReadReq.Options.AllOptions,
  filter: EventFilter | undefined,
  format: UuidFormat,
): Promise<void> {
  const Case = ReadReq.Options.AllOptions.AllOptionCase;
  const shape = options.getAllOptionCase();
  let from: number;
  switch (shape) {
    case Case.START:
      from = 0;
      break;
    case Case.END:
      from = log.length;
      break;
    case Case.POSITION:
      from = log.firstIndexAfter(positionOf(options.getPosition()));
      break;
    case Case.ALL_OPTION_NOT_SET:
      throw new BadRequest('$all subscription without a position');
    default: {
      const unreachable: never = shape;
      throw new BadRequest(`unknown $all position ${String(unreachable)}`);
    }
  }
  const source: Source = { length: () => log.length, at: (index) => log.at(index) };
  await pump(log, writer, source, from, filter, format);
}

export async function subscribeToStream(
  log: InMemoryLog,
  writer: ReplyWriter,
  stream: string,
  options: ReadReq.Options.StreamOptions,
  format: UuidFormat,
): Promise<void> {
  const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
  const shape = options.getRevisionOptionCase();
  let from: number;
  switch (shape) {
    case Case.START:
      from = 0;
      break;
    case Case.END:
      from = log.streamEvents(stream).length;
      break;
    case Case.REVISION:
      from = Number(BigInt(options.getRevision()) + 1n);
      break;
    case Case.REVISION_OPTION_NOT_SET:
      throw new BadRequest('stream subscription without a revision');
    default: {
      const unreachable: never = shape;
      throw new BadRequest(`unknown revision option ${String(unreachable)}`);
    }
  }
  // Re-looked-up on every call: the stream may not exist yet when the subscription starts.
  const source: Source = { length: () => log.streamEvents(stream).length, at: (index) => log.streamEvents(stream)[index] };
  await pump(log, writer, source, from, undefined, format);
}

async function pump(
  log: InMemoryLog,
  writer: ReplyWriter,
  source: Source,
  from: number,
  filter: EventFilter | undefined,
  format: UuidFormat,
): Promise<void> {
  await writer.write(confirmationReply());
  let cursor = from;
  let caughtUp = false;
  let scannedSinceCheckpoint = 0;
  while (!writer.closed) {
    // Registered before scanning, so an append landing while we write cannot be missed.
    const grown = log.waitForAppend();
    while (cursor < source.length() && !writer.closed) {
      const event = source.at(cursor++);
      if (!filter) {
        await writer.write(eventReply(event, format));
      } else {
        if (filter.matches(event)) await writer.write(eventReply(event, format));
        if (++scannedSinceCheckpoint >= filter.checkpointEvery) {
          scannedSinceCheckpoint = 0;
          await writer.write(checkpointReply(event.position));
        }
      }
    }
    if (!caughtUp) {
      caughtUp = true;
      await writer.write(caughtUpReply());
    }
    if (cursor < source.length()) continue;
    await Promise.race([grown, writer.whenGone]);
  }
}
