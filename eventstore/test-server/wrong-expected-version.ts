import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Empty as WellKnownEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { Empty, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedState } from './commit-check';
import type { CurrentRevision } from './in-memory-log';

/**
 * The refusal has two shapes on the wire. `Append` answers with its own message (and still fills the
 * deprecated 20.6.0 fields older clients read); `BatchAppend` answers with a google.rpc.Status whose
 * details pack `event_store.client.WrongExpectedVersion`, whose fields are named differently.
 */
export function appendWrongExpectedVersion(expected: ExpectedState, current: CurrentRevision): AppendResp {
  const refusal = new AppendResp.WrongExpectedVersion();
  if (current === 'no_stream') refusal.setCurrentNoStream(new Empty()).setNoStream2060(new Empty());
  else refusal.setCurrentRevision(current.toString()).setCurrentRevision2060(Number(current));
  switch (expected.kind) {
    case 'revision':
      refusal.setExpectedRevision(expected.revision.toString()).setExpectedRevision2060(Number(expected.revision));
      break;
    case 'any':
      refusal.setExpectedAny(new Empty()).setAny2060(new Empty());
      break;
    case 'stream_exists':
      refusal.setExpectedStreamExists(new Empty()).setStreamExists2060(new Empty());
      break;
    case 'no_stream':
      refusal.setExpectedNoStream(new Empty());
      break;
    default: {
      const unreachable: never = expected;
      throw new Error(`unknown expected state ${String(unreachable)}`);
    }
  }
  return new AppendResp().setWrongExpectedVersion(refusal);
}

export const WRONG_EXPECTED_VERSION_TYPE = 'event_store.client.WrongExpectedVersion';

export function batchWrongExpectedVersion(stream: string, expected: ExpectedState, current: CurrentRevision): Status {
  const refusal = new WrongExpectedVersion();
  if (current === 'no_stream') refusal.setCurrentNoStream(new WellKnownEmpty());
  else refusal.setCurrentStreamRevision(current.toString());
  switch (expected.kind) {
    case 'revision':
      refusal.setExpectedStreamPosition(expected.revision.toString());
      break;
    case 'any':
      refusal.setExpectedAny(new WellKnownEmpty());
      break;
    case 'stream_exists':
      refusal.setExpectedStreamExists(new WellKnownEmpty());
      break;
    case 'no_stream':
      refusal.setExpectedNoStream(new WellKnownEmpty());
      break;
    default: {
      const unreachable: never = expected;
      throw new Error(`unknown expected state ${String(unreachable)}`);
    }
  }
  return packedStatus(
    Code.FAILED_PRECONDITION,
    `Append failed due to WrongExpectedVersion. Stream: ${stream}, Expected version: ${describe(expected)}, Actual version: ${String(current)}`,
    refusal.serializeBinary(),
    WRONG_EXPECTED_VERSION_TYPE,
  );
}

export function packedStatus(code: Code, message: string, details: Uint8Array, typeName: string): Status {
  const any = new Any();
  any.pack(details, typeName);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}

function describe(expected: ExpectedState): string {
  return expected.kind === 'revision' ? expected.revision.toString() : expected.kind;
}
