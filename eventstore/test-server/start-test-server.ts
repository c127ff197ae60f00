import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, status, type ServiceDefinition } from '@grpc/grpc-js';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { handleAppend } from './append-call';
import { handleBatchAppend } from './batch-append-call';
import { handleGetSupportedMethods, handleGossipRead, newInstanceId, type GossipMember } from './cluster-services';
import { InMemoryLog } from './in-memory-log';
import { keepLogInFile } from './log-file';
import { leaderOnlyBatch, leaderOnlyUnary, leaderWhenRequired, type Membership } from './not-leader';
import { handleRead } from './read-call';
import { serializeReadReply } from './read-responses';

export interface TestServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** Advertise BatchAppend in ServerFeatures (default true, as real servers since 21.10 do). With false
   * the client falls back to one `Append` call per append. */
  batchAppend?: boolean;
  /** Serve ServerFeatures at all (default true). With false it answers UNIMPLEMENTED, like a 20.x server. */
  serverFeatures?: boolean;
  /** Per-append byte limit; default 1 MiB, the real server's default `MaxAppendSize`. */
  maxAppendSize?: number;
  /** Write a few `$`-prefixed system events first, as a fresh real node has (default true; not when the log
   * file already holds events). */
  seedSystemEvents?: boolean;
  /** The persistence option: keep the log in this file (JSON lines, fsynced per write) and load it at start,
   * so a server started again on it — in a new process too — has every event it acknowledged. */
  logFile?: string;
  /** Set by startTestCluster: the log the members share, this member's place, and what gossip lists. */
  cluster?: { log: InMemoryLog; membership: Membership; gossip: () => readonly GossipMember[] };
}

export type TestServerMethod = 'read' | 'append' | 'batchAppend' | 'getSupportedMethods' | 'gossipRead';

export interface TestServer {
  /** `esdb://host:port?tls=false` */
  readonly connectionString: string;
  readonly host: string;
  readonly port: number;
  /** How many calls each method has received: lets a test see which path the client chose. */
  calls(): Readonly<Record<TestServerMethod, number>>;
  /** Drops every connection and call, then listens again on the same port with the same log: what a
   * node restart looks like to a client. */
  restart(): Promise<void>;
  /** Stops at once; open calls (subscriptions, the shared BatchAppend call) end UNAVAILABLE, as on a real node. */
  close(): Promise<void>;
  /** Ends every open call UNAVAILABLE and keeps listening: what clients of a node see during an election. */
  dropCalls(): void;
}

const DEFAULT_MAX_APPEND_SIZE = 1024 * 1024;
// The client accepts replies up to 17 MB; the server takes requests of the same size.
const MAX_MESSAGE_BYTES = 17 * 1024 * 1024;

/**
 * Starts an in-memory server speaking EventStoreDB's gRPC protocol, for tests that drive the real
 * client. A test double: it keeps nothing on disk and is never a store for production.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.cluster?.log ?? new InMemoryLog();
  const logFile = options.logFile === undefined ? undefined : keepLogInFile(options.logFile, log);
  if ((options.seedSystemEvents ?? true) && log.length === 0) seedSystemEvents(log);
  const instanceId = newInstanceId();
  const membership: Membership = options.cluster?.membership ?? { isLeader: () => true, leader: () => ({ host, port }) };
  const gossip = options.cluster?.gossip ?? (() => [{ instanceId, host, port, leader: true }]);
  const limits = { maxAppendSize: options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE };
  const calls: Record<TestServerMethod, number> = { read: 0, append: 0, batchAppend: 0, getSupportedMethods: 0, gossipRead: 0 };
  const counted =
    <Args extends unknown[]>(method: TestServerMethod, handler: (...args: Args) => void) =>
    (...args: Args): void => {
      calls[method] += 1;
      handler(...args);
    };
  let port = options.port ?? 0;
  const open = new OpenCalls();

  const listen = async (): Promise<Server> => {
    const server = new Server({
      'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
      'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
    });
    server.addService(STREAMS_WITH_ENCODED_READS, {
      read: counted('read', open.tracked(leaderWhenRequired(membership, handleRead(log)))),
      append: counted('append', leaderOnlyUnary(membership, handleAppend(log, limits))),
      batchAppend: counted('batchAppend', open.tracked(leaderOnlyBatch(membership, handleBatchAppend(log, limits)))),
    });
    if (options.serverFeatures ?? true) {
      server.addService(ServerFeaturesService, {
        getSupportedMethods: counted('getSupportedMethods', handleGetSupportedMethods({ batchAppend: options.batchAppend ?? true })),
      });
    }
    server.addService(GossipService, { read: counted('gossipRead', handleGossipRead(gossip)) });
    port = await new Promise<number>((resolve, reject) => {
      server.bindAsync(`${host}:${port}`, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
    });
    return server;
  };

  let server = await listen();
  let closed = false;
  return {
    connectionString: `esdb://${host}:${port}?tls=false`,
    host,
    port,
    calls: () => ({ ...calls }),
    restart: async () => {
      if (closed) throw new Error('the test server is closed');
      await shutDown(server, open);
      server = await listen();
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await shutDown(server, open);
      logFile?.close();
    },
    dropCalls: () => open.endAll(),
  };
}

/** The long-lived calls in flight (reads, subscriptions, the shared BatchAppend call), to end at shutdown. */
class OpenCalls {
  private readonly calls = new Set<{ emit(event: 'error', error: object): boolean }>();

  tracked<Call extends NodeJS.EventEmitter>(handler: (call: Call) => void): (call: Call) => void {
    return (call) => {
      const entry = call as unknown as { emit(event: 'error', error: object): boolean };
      this.calls.add(entry);
      const forget = (): void => void this.calls.delete(entry);
      call.once('cancelled', forget).once('close', forget).once('finish', forget).once('error', forget);
      handler(call);
    };
  }

  /** What a stopping EventStoreDB node does to the calls it still has: they end UNAVAILABLE (a client then
   * reconnects or fails over), not CANCELLED (which a client reads as its own doing). */
  endAll(): void {
    for (const call of [...this.calls]) call.emit('error', { code: status.UNAVAILABLE, details: 'Server is shutting down' });
    this.calls.clear();
  }
}

/** Ends the open calls with their status, gives the statuses a moment to leave, then drops every connection. */
async function shutDown(server: Server, open: OpenCalls): Promise<void> {
  open.endAll();
  await new Promise((resolve) => setTimeout(resolve, 50));
  server.forceShutdown();
}

// Read replies for events are encoded once and sent as bytes; the stock serializer only takes messages.
const STREAMS_WITH_ENCODED_READS: ServiceDefinition = {
  ...StreamsService,
  read: { ...StreamsService.read, responseSerialize: serializeReadReply },
};

function seedSystemEvents(log: InMemoryLog): void {
  const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));
  const none = new Uint8Array();
  log.append('$epoch-information', { kind: 'any' }, [
    {
      id: randomUUID(),
      type: '$epoch-information',
      contentType: 'application/json',
      data: json({ epochNumber: 0, leaderInstanceId: randomUUID() }),
      customMetadata: none,
    },
  ]);
  log.append('$scavenges', { kind: 'any' }, [
    { id: randomUUID(), type: '$scavengeIndexInitialized', contentType: 'application/json', data: json({}), customMetadata: none },
  ]);
}
