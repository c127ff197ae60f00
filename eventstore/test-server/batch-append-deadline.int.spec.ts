import { randomUUID } from 'node:crypto';
import { credentials } from '@grpc/grpc-js';
import { Timestamp } from 'google-protobuf/google/protobuf/timestamp_pb';
import { DeadlineExceededError, EventStoreDBClient, jsonEvent, NO_STREAM, StreamNotFoundError } from '@eventstore/db-client';
import { StreamsClient } from '@eventstore/db-client/generated/streams_grpc_pb';
import { BatchAppendReq, type BatchAppendResp } from '@eventstore/db-client/generated/streams_pb';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { startTestServer, type TestServer } from './index';
import { streamIdentifier, uuidMessage } from './wire-values';

describe("the test server's BatchAppend deadline, as the real server keeps it", () => {
  let server: TestServer;
  let client: EventStoreDBClient;

  beforeAll(async () => {
    server = await startTestServer({ maxAppendSize: 1024 });
    client = EventStoreDBClient.connectionString(server.connectionString);
  });
  afterAll(async () => {
    await client.dispose();
    await server.close();
  });

  const event = (bytes = 10) => jsonEvent({ type: 'OrderPlaced', data: { note: 'x'.repeat(bytes) } });
  const exists = async (stream: string): Promise<boolean> => {
    try {
      for await (const resolved of client.readStream(stream)) if (resolved.event) return true;
      return false;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return false;
      throw error;
    }
  };

  it('answers Timeout at once to an append whose deadline has passed, and writes nothing', async () => {
    const stream = `late-${randomUUID()}`;
    await client.appendToStream(`warm-${randomUUID()}`, event(), { expectedRevision: NO_STREAM });

    await expect(client.appendToStream(stream, event(), { expectedRevision: NO_STREAM, deadline: -1 })).rejects.toBeInstanceOf(
      DeadlineExceededError,
    );
    expect(server.calls().batchAppend).toBe(1);
    expect(await exists(stream)).toBe(false);
  });

  it('looks at the deadline before the size: an oversized append past its deadline is a Timeout', async () => {
    const stream = `late-and-big-${randomUUID()}`;

    await expect(client.appendToStream(stream, event(4096), { expectedRevision: NO_STREAM, deadline: -1 })).rejects.toBeInstanceOf(
      DeadlineExceededError,
    );
  });

  it('answers Timeout to an append still arriving at its deadline, and ignores what comes after', async () => {
    const raw = new StreamsClient(`${server.host}:${server.port}`, credentials.createInsecure());
    const call = raw.batchAppend();
    const replies: BatchAppendResp[] = [];
    call.on('data', (reply: BatchAppendResp) => replies.push(reply));
    // Closing the client at the end cancels the call: expected, not a failure.
    call.on('error', () => undefined);
    const stream = `slow-${randomUUID()}`;
    const correlationId = uuidMessage(randomUUID(), 'string');
    const options = new BatchAppendReq.Options()
      .setStreamIdentifier(streamIdentifier(stream))
      .setNoStream(new Empty())
      .setDeadline(Timestamp.fromDate(new Date(Date.now() + 150)));
    try {
      call.write(new BatchAppendReq().setCorrelationId(correlationId).setOptions(options).setIsFinal(false));
      await new Promise((resolve) => setTimeout(resolve, 400));
      call.write(new BatchAppendReq().setCorrelationId(correlationId).setIsFinal(true));
      await new Promise((resolve) => setTimeout(resolve, 200));

      expect(replies.map((reply) => [reply.getError()?.getCode(), reply.getError()?.getDetails()?.getTypeName()])).toEqual([
        [Code.DEADLINE_EXCEEDED, 'event_store.client.Timeout'],
      ]);
      expect(await exists(stream)).toBe(false);
    } finally {
      call.end();
      raw.close();
    }
  });
});
