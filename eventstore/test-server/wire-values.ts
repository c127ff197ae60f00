import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, BatchAppendReq, ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedState } from './commit-check';
import type { LogPosition, ProposedEvent } from './in-memory-log';

/** A request the server refuses as malformed (INVALID_ARGUMENT). */
export class BadRequest extends Error {
  override readonly name = 'BadRequest';
}

/** A feature the real server has and this test double does not: answered UNIMPLEMENTED, never ignored. */
export class Unimplemented extends Error {
  override readonly name = 'Unimplemented';
}

/** Appends to `$$<stream>` set stream metadata ($maxCount, $maxAge, $tb, $cacheControl, $acl), which the real
 * server enforces on reads; the test server does not, so it refuses them rather than store them unheeded. */
export function refuseStreamMetadata(stream: string): void {
  if (stream.startsWith('$$')) {
    throw new Unimplemented(`stream metadata ($maxCount, $maxAge, $tb, $cacheControl, $acl) is not implemented by the test server (append to ${stream})`);
  }
}

export type UuidFormat = 'string' | 'structured';

/** The real server lower-cases ids, whatever case the client sent. */
export function uuidToString(uuid: UUID | undefined): string {
  if (!uuid) throw new BadRequest('missing id');
  const shape = uuid.getValueCase();
  switch (shape) {
    case UUID.ValueCase.STRING:
      return uuid.getString().toLowerCase();
    case UUID.ValueCase.STRUCTURED: {
      const structured = uuid.getStructured();
      if (!structured) throw new BadRequest('empty structured id');
      const most = BigInt.asUintN(64, BigInt(structured.getMostSignificantBits()));
      const least = BigInt.asUintN(64, BigInt(structured.getLeastSignificantBits()));
      const hex = most.toString(16).padStart(16, '0') + least.toString(16).padStart(16, '0');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
    case UUID.ValueCase.VALUE_NOT_SET:
      throw new BadRequest('id without value');
    default: {
      const unreachable: never = shape;
      throw new BadRequest(`unknown id shape ${String(unreachable)}`);
    }
  }
}

export function uuidMessage(id: string, format: UuidFormat): UUID {
  const uuid = new UUID();
  switch (format) {
    case 'string':
      return uuid.setString(id);
    case 'structured': {
      const hex = id.replace(/-/g, '');
      // The proto declares both halves as signed int64.
      const most = BigInt.asIntN(64, BigInt(`0x${hex.slice(0, 16)}`));
      const least = BigInt.asIntN(64, BigInt(`0x${hex.slice(16)}`));
      return uuid.setStructured(
        new UUID.Structured().setMostSignificantBits(most.toString()).setLeastSignificantBits(least.toString()),
      );
    }
    default: {
      const unreachable: never = format;
      throw new BadRequest(`unknown id format ${String(unreachable)}`);
    }
  }
}

export function streamName(identifier: StreamIdentifier | undefined): string {
  if (!identifier) throw new BadRequest('missing stream identifier');
  return Buffer.from(identifier.getStreamName_asU8()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

export function expectedFromAppendOptions(options: AppendReq.Options): ExpectedState {
  const Case = AppendReq.Options.ExpectedStreamRevisionCase;
  const shape = options.getExpectedStreamRevisionCase();
  switch (shape) {
    case Case.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.ANY:
      return { kind: 'any' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case Case.EXPECTED_STREAM_REVISION_NOT_SET:
      throw new BadRequest('append without an expected revision');
    default: {
      const unreachable: never = shape;
      throw new BadRequest(`unknown expected revision ${String(unreachable)}`);
    }
  }
}

export function expectedFromBatchOptions(options: BatchAppendReq.Options): ExpectedState {
  const Case = BatchAppendReq.Options.ExpectedStreamPositionCase;
  const shape = options.getExpectedStreamPositionCase();
  switch (shape) {
    case Case.STREAM_POSITION:
      return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
    case Case.NO_STREAM:
      return { kind: 'no_stream' };
    case Case.ANY:
      return { kind: 'any' };
    case Case.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    case Case.EXPECTED_STREAM_POSITION_NOT_SET:
      throw new BadRequest('batch append without an expected stream position');
    default: {
      const unreachable: never = shape;
      throw new BadRequest(`unknown expected stream position ${String(unreachable)}`);
    }
  }
}

/** `type` and `content-type` are required metadata on every proposed event, as on the real server. */
export function proposedEvent(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  const type = metadata.get('type');
  const contentType = metadata.get('content-type');
  if (type === undefined) throw new BadRequest('proposed event without required metadata "type"');
  if (contentType === undefined) throw new BadRequest('proposed event without required metadata "content-type"');
  return {
    id: uuidToString(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

/** What the server counts against its maximum append size. */
export function appendSize(event: ProposedEvent): number {
  return event.data.byteLength + event.customMetadata.byteLength + Buffer.byteLength(event.type);
}

export function positionOf(position: ReadReq.Options.Position | undefined): LogPosition {
  if (!position) throw new BadRequest('missing position');
  return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
}
