import type { ServerDuplexStream } from '@grpc/grpc-js';
import { Empty as WellKnownEmpty } from 'google-protobuf/google/protobuf/empty_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { BadRequest as BadRequestDetails, MaximumAppendSizeExceeded, Timeout, UUID } from '@eventstore/db-client/generated/shared_pb';
import type { Status } from '@eventstore/db-client/generated/status_pb';
import { BatchAppendReq, BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import type { AppendLimits } from './append-call';
import type { ExpectedState } from './commit-check';
import type { AppendOutcome, InMemoryLog, ProposedEvent } from './in-memory-log';
import { allPosition } from './read-responses';
import { batchWrongExpectedVersion, packedStatus } from './wrong-expected-version';
import {
  appendSize,
  BadRequest,
  expectedFromBatchOptions,
  proposedEvent,
  refuseStreamMetadata,
  streamIdentifier,
  streamName,
  Unimplemented,
  uuidMessage,
  uuidToString,
} from './wire-values';

interface PendingAppend {
  readonly stream: string;
  readonly expected: ExpectedState;
  readonly events: ProposedEvent[];
  size: number;
  failure?: BatchAppendResp;
  /** Answers Timeout if the append has not fully arrived by its deadline. */
  timer?: NodeJS.Timeout;
}

/** The real server's default `WriteTimeoutMs`: no append waits longer, whatever deadline the client asked for. */
export const WRITE_TIMEOUT_MS = 2_000;

/**
 * Streams.BatchAppend: one long-lived bidirectional call shared by every append of a client. An append
 * may span several requests (same correlation id, options on the first, `is_final` on the last); the
 * reply carries the correlation id back.
 */
export function handleBatchAppend(log: InMemoryLog, limits: AppendLimits) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, PendingAppend>();

    // Appends refused before their options were understood: their remaining requests are ignored.
    const abandoned = new Set<string>();

    call.on('data', (request: BatchAppendReq) => {
      const correlationId = request.getCorrelationId();
      let key: string;
      try {
        key = uuidToString(correlationId);
      } catch (error) {
        call.write(badRequest(correlationId, requestStream(request), error));
        return;
      }
      if (abandoned.has(key)) {
        if (request.getIsFinal()) abandoned.delete(key);
        return;
      }
      let append = pending.get(key);
      if (!append) {
        try {
          append = openAppend(request);
        } catch (error) {
          if (!request.getIsFinal()) abandoned.add(key);
          const stream = requestStream(request);
          call.write(error instanceof Unimplemented ? unimplemented(correlationId, stream, error) : badRequest(correlationId, stream, error));
          return;
        }
        // As the real server: the deadline is looked at first, before the events are counted or sized; one
        // already past (or none left) is a Timeout at once, and the rest of that append is ignored.
        const timeoutMs = Math.min(remainingMs(request), WRITE_TIMEOUT_MS);
        if (timeoutMs <= 0) {
          if (!request.getIsFinal()) abandoned.add(key);
          call.write(timeout(correlationId, append.stream));
          return;
        }
        const opened = append;
        opened.timer = setTimeout(() => {
          if (pending.get(key) !== opened) return;
          pending.delete(key);
          abandoned.add(key);
          call.write(timeout(correlationId, opened.stream));
        }, timeoutMs);
        pending.set(key, append);
      }
      if (!append.failure) {
        try {
          for (const message of request.getProposedMessagesList()) {
            const event = proposedEvent(message);
            append.size += appendSize(event);
            append.events.push(event);
          }
          if (append.size > limits.maxAppendSize) append.failure = maximumAppendSizeExceeded(correlationId, append.stream, limits);
        } catch (error) {
          append.failure = badRequest(correlationId, append.stream, error);
        }
      }
      if (!request.getIsFinal()) return;
      pending.delete(key);
      clearTimeout(append.timer);
      call.write(append.failure ?? batchReply(correlationId, append, log.append(append.stream, append.expected, append.events)));
    });
    call.on('end', () => call.end());
    call.on('close', () => {
      for (const append of pending.values()) clearTimeout(append.timer);
    });
  };
}

/** Milliseconds left before the append's deadline (a timestamp in the 21.10 form the client sends); none given
 * means no limit but the server's own. */
function remainingMs(request: BatchAppendReq): number {
  const deadline = request.getOptions()?.getDeadline();
  return deadline === undefined ? Number.POSITIVE_INFINITY : deadline.toDate().getTime() - Date.now();
}

function timeout(correlationId: UUID | undefined, stream: string): BatchAppendResp {
  const details = new Timeout().serializeBinary();
  return errorReply(correlationId, stream, packedStatus(Code.DEADLINE_EXCEEDED, 'Timeout', details, 'event_store.client.Timeout'));
}

function openAppend(request: BatchAppendReq): PendingAppend {
  const options = request.getOptions();
  if (!options) throw new BadRequest('the first request of a batch append must carry the options');
  const stream = streamName(options.getStreamIdentifier());
  refuseStreamMetadata(stream);
  return { stream, expected: expectedFromBatchOptions(options), events: [], size: 0 };
}

function maximumAppendSizeExceeded(correlationId: UUID | undefined, stream: string, limits: AppendLimits): BatchAppendResp {
  const details = new MaximumAppendSizeExceeded().setMaxappendsize(limits.maxAppendSize).serializeBinary();
  const message = `Maximum Append Size of ${limits.maxAppendSize} Exceeded.`;
  return errorReply(
    correlationId,
    stream,
    packedStatus(Code.INVALID_ARGUMENT, message, details, 'event_store.client.MaximumAppendSizeExceeded'),
  );
}

function badRequest(correlationId: UUID | undefined, stream: string, error: unknown): BatchAppendResp {
  const message = error instanceof Error ? error.message : String(error);
  const details = new BadRequestDetails().setMessage(message).serializeBinary();
  return errorReply(correlationId, stream, packedStatus(Code.INVALID_ARGUMENT, message, details, 'event_store.client.BadRequest'));
}

// The client reads the type of the details of every error: an Empty is packed, as the real server does for errors
// without details of their own.
function unimplemented(correlationId: UUID | undefined, stream: string, error: Unimplemented): BatchAppendResp {
  const details = new WellKnownEmpty().serializeBinary();
  return errorReply(correlationId, stream, packedStatus(Code.UNIMPLEMENTED, error.message, details, 'google.protobuf.Empty'));
}

function requestStream(request: BatchAppendReq): string {
  const identifier = request.getOptions()?.getStreamIdentifier();
  return identifier ? Buffer.from(identifier.getStreamName_asU8()).toString('utf8') : '';
}

function batchReply(correlationId: UUID | undefined, append: PendingAppend, outcome: AppendOutcome): BatchAppendResp {
  switch (outcome.kind) {
    case 'wrong_expected_version':
      return errorReply(correlationId, append.stream, batchWrongExpectedVersion(append.stream, append.expected, outcome.current));
    case 'appended': {
      const success = new BatchAppendResp.Success();
      if (outcome.lastRevision === 'no_stream') success.setNoStream(new WellKnownEmpty());
      else success.setCurrentRevision(outcome.lastRevision.toString());
      if (outcome.position === undefined) success.setNoPosition(new WellKnownEmpty());
      else success.setPosition(allPosition(outcome.position));
      return withExpected(baseReply(correlationId, append.stream).setSuccess(success), append.expected);
    }
    default: {
      const unreachable: never = outcome;
      throw new Error(`unknown append outcome ${String(unreachable)}`);
    }
  }
}

// The client reads the stream identifier of an error reply without checking it is there.
function errorReply(correlationId: UUID | undefined, stream: string, error: Status): BatchAppendResp {
  return baseReply(correlationId, stream).setError(error);
}

function baseReply(correlationId: UUID | undefined, stream: string): BatchAppendResp {
  const reply = new BatchAppendResp().setStreamIdentifier(streamIdentifier(stream));
  if (correlationId) {
    const format = correlationId.getValueCase() === UUID.ValueCase.STRUCTURED ? 'structured' : 'string';
    reply.setCorrelationId(uuidMessage(uuidToString(correlationId), format));
  }
  return reply;
}

function withExpected(reply: BatchAppendResp, expected: ExpectedState): BatchAppendResp {
  switch (expected.kind) {
    case 'revision':
      return reply.setStreamPosition(expected.revision.toString());
    case 'no_stream':
      return reply.setNoStream(new WellKnownEmpty());
    case 'any':
      return reply.setAny(new WellKnownEmpty());
    case 'stream_exists':
      return reply.setStreamExists(new WellKnownEmpty());
    default: {
      const unreachable: never = expected;
      throw new Error(`unknown expected state ${String(unreachable)}`);
    }
  }
}
