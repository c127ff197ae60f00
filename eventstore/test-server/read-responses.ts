import { randomUUID } from 'node:crypto';
import { AllStreamPosition, Empty } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StoredEvent } from './in-memory-log';
import { streamIdentifier, uuidMessage, type UuidFormat } from './wire-values';

/** A Read reply: a message, or bytes already encoded (events are encoded once and cached). */
export type ReadReply = ReadResp | Uint8Array;

export function serializeReadReply(reply: ReadReply): Buffer {
  if (reply instanceof Uint8Array) return Buffer.from(reply.buffer, reply.byteOffset, reply.byteLength);
  return Buffer.from(reply.serializeBinary());
}

const encodedWithStringIds = new WeakMap<StoredEvent, Uint8Array>();

export function eventReply(event: StoredEvent, format: UuidFormat): Uint8Array {
  if (format === 'string') {
    const cached = encodedWithStringIds.get(event);
    if (cached) return cached;
    const encoded = encodeEvent(event, format);
    encodedWithStringIds.set(event, encoded);
    return encoded;
  }
  return encodeEvent(event, format);
}

function encodeEvent(event: StoredEvent, format: UuidFormat): Uint8Array {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuidMessage(event.id, format))
    .setStreamIdentifier(streamIdentifier(event.stream))
    .setStreamRevision(event.revision.toString())
    .setPreparePosition(event.position.toString())
    .setCommitPosition(event.position.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  const metadata = recorded.getMetadataMap();
  metadata.set('type', event.type);
  metadata.set('content-type', event.contentType);
  metadata.set('created', event.createdTicks.toString());
  const readEvent = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(readEvent).serializeBinary();
}

export function confirmationReply(): ReadResp {
  return new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID()));
}

export function caughtUpReply(): ReadResp {
  return new ReadResp().setCaughtUp(new ReadResp.CaughtUp());
}

export function checkpointReply(position: bigint): ReadResp {
  return new ReadResp().setCheckpoint(
    new ReadResp.Checkpoint().setCommitPosition(position.toString()).setPreparePosition(position.toString()),
  );
}

export function streamNotFoundReply(stream: string): ReadResp {
  return new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(stream)));
}

export function allPosition(position: bigint): AllStreamPosition {
  return new AllStreamPosition().setCommitPosition(position.toString()).setPreparePosition(position.toString());
}

export function emptyMessage(): Empty {
  return new Empty();
}
