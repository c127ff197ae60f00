import { newInstanceId, type GossipMember } from './cluster-services';
import { InMemoryLog } from './in-memory-log';
import { startTestServer, type TestServer, type TestServerOptions } from './start-test-server';

export interface TestCluster {
  /** `esdb://h:p1,h:p2,h:p3?tls=false`: the client finds the leader through gossip, as with a real cluster. */
  readonly connectionString: string;
  readonly members: readonly TestServer[];
  leaderIndex(): number;
  /** An election on demand: the next member (or `to`) becomes leader; every open call on every member ends
   * UNAVAILABLE, and the old leader answers writes with NotLeader naming the new one from then on. */
  changeLeader(to?: number): void;
  /** One member stops and starts again on its port (the log is the cluster's, so nothing is lost). */
  restartMember(index: number): Promise<void>;
  close(): Promise<void>;
}

export type TestClusterOptions = Omit<TestServerOptions, 'port' | 'cluster' | 'logFile'> & {
  /** Members, default 3. */
  size?: number;
};

/**
 * Several test servers in one process serving one log, as a cluster whose replication is instantaneous: gossip
 * lists them all, only the leader takes writes, followers answer NotLeader with the leader's endpoint and serve
 * reads unless the client requires the leader. A test double for the adapter's failover paths: no elections,
 * no quorum, no replication lag; the leader changes only when a test says so.
 */
export async function startTestCluster(options: TestClusterOptions = {}): Promise<TestCluster> {
  const size = options.size ?? 3;
  const host = options.host ?? '127.0.0.1';
  const log = new InMemoryLog();
  const ids = Array.from({ length: size }, () => newInstanceId());
  const members: TestServer[] = [];
  let leader = 0;
  const gossip = (): GossipMember[] =>
    members.map((member, index) => ({ instanceId: ids[index], host: member.host, port: member.port, leader: index === leader }));
  for (let index = 0; index < size; index += 1) {
    members.push(
      await startTestServer({
        ...options,
        host,
        port: 0,
        // System events once, in the shared log.
        seedSystemEvents: index === 0 && (options.seedSystemEvents ?? true),
        cluster: {
          log,
          gossip,
          membership: { isLeader: () => leader === index, leader: () => ({ host, port: members[leader].port }) },
        },
      }),
    );
  }
  return {
    connectionString: `esdb://${members.map((member) => `${member.host}:${member.port}`).join(',')}?tls=false`,
    members,
    leaderIndex: () => leader,
    changeLeader: (to = (leader + 1) % size) => {
      if (to < 0 || to >= size) throw new Error(`no member ${to} in a cluster of ${size}`);
      leader = to;
      for (const member of members) member.dropCalls();
    },
    restartMember: (index) => members[index].restart(),
    close: async () => {
      await Promise.all(members.map((member) => member.close()));
    },
  };
}
