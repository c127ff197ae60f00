import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import { eventFilter, type EventFilter } from './event-filter';
import type { InMemoryLog, StoredEvent } from './in-memory-log';
import { eventReply, streamNotFoundReply, type ReadReply } from './read-responses';
import { ReplyWriter } from './reply-writer';
import { subscribeToAll, subscribeToStream } from './subscription';
import { BadRequest, positionOf, streamName, Unimplemented, type UuidFormat } from './wire-values';

type Direction = 'forwards' | 'backwards';

/** Streams.Read: reads of a stream or of $all in either direction, and catch-up subscriptions. */
export function handleRead(log: InMemoryLog) {
  return (call: ServerWritableStream<ReadReq, ReadReply>): void => {
    const writer = new ReplyWriter(call);
    serveRead(log, call.request, writer).catch((error: unknown) => {
      if (writer.closed) return;
      const code = error instanceof BadRequest ? status.INVALID_ARGUMENT : error instanceof Unimplemented ? status.UNIMPLEMENTED : status.INTERNAL;
      call.emit('error', { code, details: String(error) });
    });
  };
}

async function serveRead(log: InMemoryLog, request: ReadReq, writer: ReplyWriter): Promise<void> {
  const options = request.getOptions();
  if (!options) throw new BadRequest('read without options');
  // Links are never written here (no projections), so there would be nothing to resolve; still, a caller asking
  // for it must learn that the double does not do it rather than get reads that silently differ.
  if (options.getResolveLinks()) throw new Unimplemented('resolveLinkTos is not implemented by the test server');
  const format: UuidFormat = options.getUuidOption()?.hasStructured() ? 'structured' : 'string';
  const filter = eventFilter(options);
  const direction: Direction = options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS ? 'backwards' : 'forwards';
  const StreamCase = ReadReq.Options.StreamOptionCase;
  const CountCase = ReadReq.Options.CountOptionCase;
  const target = options.getStreamOptionCase();
  const mode = options.getCountOptionCase();
  if (mode === CountCase.COUNT_OPTION_NOT_SET) throw new BadRequest('read without count or subscription');
  const isSubscription = mode === CountCase.SUBSCRIPTION;
  const count = isSubscription ? 0 : countOf(options.getCount());

  switch (target) {
    case StreamCase.STREAM: {
      const stream = options.getStream();
      if (!stream) throw new BadRequest('empty stream options');
      if (isSubscription) return subscribeToStream(log, writer, streamName(stream.getStreamIdentifier()), stream, format);
      return readStream(log, writer, stream, direction, count, format);
    }
    case StreamCase.ALL: {
      const all = options.getAll();
      if (!all) throw new BadRequest('empty $all options');
      if (isSubscription) return subscribeToAll(log, writer, all, filter, format);
      return readAll(log, writer, all, direction, count, filter, format);
    }
    case StreamCase.STREAM_OPTION_NOT_SET:
      throw new BadRequest('read names neither a stream nor $all');
    default: {
      const unreachable: never = target;
      throw new BadRequest(`unknown read target ${String(unreachable)}`);
    }
  }
}

function countOf(raw: string): number {
  const count = BigInt(raw === '' ? '0' : raw);
  return count > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(count);
}

async function readStream(
  log: InMemoryLog,
  writer: ReplyWriter,
  options: ReadReq.Options.StreamOptions,
  direction: Direction,
  count: number,
  format: UuidFormat,
): Promise<void> {
  const name = streamName(options.getStreamIdentifier());
  const events = log.streamEvents(name);
  // A missing stream is an ordinary reply, not a gRPC error.
  if (events.length === 0) {
    await writer.write(streamNotFoundReply(name));
    writer.end();
    return;
  }
  const last = events.length - 1;
  const Case = ReadReq.Options.StreamOptions.RevisionOptionCase;
  const shape = options.getRevisionOptionCase();
  let from: number;
  switch (shape) {
    case Case.START:
      from = 0;
      break;
    case Case.END:
      from = direction === 'forwards' ? events.length : last;
      break;
    case Case.REVISION: {
      const revision = BigInt(options.getRevision());
      from = revision > BigInt(events.length) ? events.length : Number(revision);
      break;
    }
    case Case.REVISION_OPTION_NOT_SET:
      throw new BadRequest('stream read without a revision');
    default: {
      const unreachable: never = shape;
      throw new BadRequest(`unknown revision option ${String(unreachable)}`);
    }
  }
  const step = direction === 'forwards' ? 1 : -1;
  let index = direction === 'forwards' ? from : Math.min(from, last);
  for (let sent = 0; sent < count && index >= 0 && index < events.length && !writer.closed; index += step, sent++) {
    await writer.write(eventReply(events[index], format));
  }
  writer.end();
}

async function readAll(
  log: InMemoryLog,
  writer: ReplyWriter,
  options: ReadReq.Options.AllOptions,
  direction: Direction,
  count: number,
  filter: EventFilter | undefined,
  format: UuidFormat,
): Promise<void> {
  const Case = ReadReq.Options.AllOptions.AllOptionCase;
  const shape = options.getAllOptionCase();
  // Forwards includes the event at the start position; backwards excludes it.
  let index: number;
  switch (shape) {
    case Case.START:
      index = direction === 'forwards' ? 0 : -1;
      break;
    case Case.END:
      index = direction === 'forwards' ? log.length : log.length - 1;
      break;
    case Case.POSITION: {
      const atOrAfter = log.firstIndexAtOrAfter(positionOf(options.getPosition()));
      index = direction === 'forwards' ? atOrAfter : atOrAfter - 1;
      break;
    }
    case Case.ALL_OPTION_NOT_SET:
      throw new BadRequest('$all read without a position');
    default: {
      const unreachable: never = shape;
      throw new BadRequest(`unknown $all position ${String(unreachable)}`);
    }
  }
  const step = direction === 'forwards' ? 1 : -1;
  let sent = 0;
  for (; sent < count && index >= 0 && index < log.length && !writer.closed; index += step) {
    const event: StoredEvent = log.at(index);
    if (filter && !filter.matches(event)) continue;
    await writer.write(eventReply(event, format));
    sent++;
  }
  writer.end();
}
