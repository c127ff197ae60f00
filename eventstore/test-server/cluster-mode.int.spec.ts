import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentials } from '@grpc/grpc-js';
import { EventStoreDBClient, jsonEvent, NO_STREAM, NotLeaderError } from '@eventstore/db-client';
import { GossipClient } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { type ClusterInfo, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import { startTestCluster, startTestServer, type TestCluster } from './index';

const event = () => jsonEvent({ type: 'Placed', data: { at: Date.now() } });

async function readIds(client: EventStoreDBClient, stream: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const resolved of client.readStream(stream)) if (resolved.event) ids.push(resolved.event.id);
  return ids;
}

describe('the test server in cluster mode: three members, one log', () => {
  let cluster: TestCluster;

  beforeEach(async () => {
    cluster = await startTestCluster();
  });
  afterEach(async () => {
    await cluster.close();
  });

  it('lists every member in gossip, one of them leader', async () => {
    const { host, port } = cluster.members[1];
    const gossip = new GossipClient(`${host}:${port}`, credentials.createInsecure());
    try {
      const info = await new Promise<ClusterInfo>((resolve, reject) => gossip.read(new Empty(), (error, reply) => (error ? reject(error) : resolve(reply!))));
      const members = info.getMembersList().map((member) => [member.getHttpEndPoint()?.getPort(), member.getState(), member.getIsAlive()]);
      expect(members).toEqual(
        cluster.members.map((member, index) => [member.port, index === 0 ? MemberInfo.VNodeState.LEADER : MemberInfo.VNodeState.FOLLOWER, true]),
      );
    } finally {
      gossip.close();
    }
  });

  it.each(['BatchAppend', 'Append'])('has followers refuse writes with NotLeader naming the leader (%s)', async (path) => {
    const follower = cluster.members[2];
    const alone = path === 'Append' ? await startTestCluster({ batchAppend: false }) : cluster;
    const target = path === 'Append' ? alone.members[2] : follower;
    const client = EventStoreDBClient.connectionString(`esdb://${target.host}:${target.port}?tls=false`);
    try {
      const refused = await client.appendToStream(`f-${randomUUID()}`, event(), { expectedRevision: NO_STREAM }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(NotLeaderError);
      expect((refused as NotLeaderError).leader).toEqual({ address: alone.members[0].host, port: alone.members[0].port });
    } finally {
      await client.dispose();
      if (alone !== cluster) await alone.close();
    }
  });

  it('moves writes to the new leader after a leader change, every member reading the one log', async () => {
    const client = EventStoreDBClient.connectionString(cluster.connectionString);
    const stream = `moved-${randomUUID()}`;
    try {
      await client.appendToStream(stream, event(), { expectedRevision: NO_STREAM });
      cluster.changeLeader();
      const before = cluster.members.map((member) => member.calls().batchAppend + member.calls().append);
      // The first attempt meets the old leader's NotLeader (or the dropped call); the client reconnects where it says.
      const second = event();
      await client.appendToStream(stream, second, { expectedRevision: 0n }).catch(() => client.appendToStream(stream, second, { expectedRevision: 0n }));
      const after = cluster.members.map((member) => member.calls().batchAppend + member.calls().append);

      expect(cluster.leaderIndex()).toBe(1);
      expect(after[1]).toBeGreaterThan(before[1]);
      for (const member of cluster.members) {
        const reader = EventStoreDBClient.connectionString(`esdb://${member.host}:${member.port}?tls=false`);
        try {
          expect(await readIds(reader, stream)).toHaveLength(2);
        } finally {
          await reader.dispose();
        }
      }
    } finally {
      await client.dispose();
    }
  });
});

describe('the test server with its log kept in a file', () => {
  it('has every acknowledged event, at its position, after a new server starts on the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'test-server-log-'));
    const logFile = join(dir, 'log.jsonl');
    const stream = `kept-${randomUUID()}`;
    try {
      const first = await startTestServer({ logFile });
      const writer = EventStoreDBClient.connectionString(first.connectionString);
      const written = await writer.appendToStream(stream, [event(), event()], { expectedRevision: NO_STREAM });
      await writer.dispose();
      await first.close();

      const second = await startTestServer({ logFile, port: first.port });
      const reader = EventStoreDBClient.connectionString(second.connectionString);
      try {
        const positions: Array<bigint | undefined> = [];
        for await (const resolved of reader.readStream(stream)) positions.push(resolved.event?.position?.commit);
        const next = await reader.appendToStream(stream, event(), { expectedRevision: 1n });
        let systemEvents = 0;
        for await (const resolved of reader.readAll()) if (resolved.event?.type.startsWith('$')) systemEvents += 1;

        expect(positions).toHaveLength(2);
        expect(positions[1]).toBe(written.position?.commit);
        expect(next.position!.commit > written.position!.commit).toBe(true);
        expect(systemEvents).toBe(2);
      } finally {
        await reader.dispose();
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
