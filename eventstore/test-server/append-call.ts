import { Metadata, status, type sendUnaryData, type ServerErrorResponse, type ServerReadableStream } from '@grpc/grpc-js';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { AppendReq, AppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { ExpectedState } from './commit-check';
import type { AppendOutcome, InMemoryLog, ProposedEvent } from './in-memory-log';
import { appendWrongExpectedVersion } from './wrong-expected-version';
import { appendSize, BadRequest, expectedFromAppendOptions, proposedEvent, refuseStreamMetadata, streamName, Unimplemented } from './wire-values';

export interface AppendLimits {
  /** Bytes of data, metadata and type per append; the real server's default is 1 MiB. */
  readonly maxAppendSize: number;
}

/** Streams.Append: one client-streaming call per append, options first, then the proposed events. */
export function handleAppend(log: InMemoryLog, limits: AppendLimits) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let header: { stream: string; expected: ExpectedState } | undefined;
    const proposed: ProposedEvent[] = [];
    let size = 0;
    let failure: ServerErrorResponse | undefined;

    call.on('data', (request: AppendReq) => {
      if (failure) return;
      try {
        if (!header) {
          const options = request.getOptions();
          if (!options) throw new BadRequest('the first append message must carry the options');
          header = { stream: streamName(options.getStreamIdentifier()), expected: expectedFromAppendOptions(options) };
          refuseStreamMetadata(header.stream);
          return;
        }
        const message = request.getProposedMessage();
        if (!message) throw new BadRequest('append message without a proposed event');
        const event = proposedEvent(message);
        size += appendSize(event);
        if (size > limits.maxAppendSize) failure = maximumAppendSizeExceeded(limits.maxAppendSize);
        proposed.push(event);
      } catch (error) {
        failure = error instanceof Unimplemented ? unimplemented(error) : invalidArgument(error);
      }
    });
    call.on('end', () => {
      if (failure) return callback(failure);
      if (!header) return callback(invalidArgument(new BadRequest('append without options')));
      callback(null, appendReply(header.expected, log.append(header.stream, header.expected, proposed)));
    });
  };
}

function appendReply(expected: ExpectedState, outcome: AppendOutcome): AppendResp {
  switch (outcome.kind) {
    case 'wrong_expected_version':
      return appendWrongExpectedVersion(expected, outcome.current);
    case 'appended': {
      const success = new AppendResp.Success();
      if (outcome.lastRevision === 'no_stream') success.setNoStream(new Empty());
      else success.setCurrentRevision(outcome.lastRevision.toString());
      if (outcome.position === undefined) success.setNoPosition(new Empty());
      else {
        const position = outcome.position.toString();
        success.setPosition(new AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
      }
      return new AppendResp().setSuccess(success);
    }
    default: {
      const unreachable: never = outcome;
      throw new Error(`unknown append outcome ${String(unreachable)}`);
    }
  }
}

function maximumAppendSizeExceeded(maxAppendSize: number): ServerErrorResponse {
  const metadata = new Metadata();
  metadata.set('exception', 'maximum-append-size-exceeded');
  metadata.set('maximum-append-size', String(maxAppendSize));
  return Object.assign(new Error(`Maximum Append Size of ${maxAppendSize} Exceeded.`), {
    code: status.INVALID_ARGUMENT,
    metadata,
  });
}

function unimplemented(error: Unimplemented): ServerErrorResponse {
  return Object.assign(new Error(error.message), { code: status.UNIMPLEMENTED, metadata: new Metadata() });
}

function invalidArgument(error: unknown): ServerErrorResponse {
  const metadata = new Metadata();
  if (error instanceof BadRequest && error.message.includes('required metadata')) {
    metadata.set('exception', 'missing-required-metadata-property');
  }
  return Object.assign(new Error(error instanceof Error ? error.message : String(error)), {
    code: status.INVALID_ARGUMENT,
    metadata,
  });
}
