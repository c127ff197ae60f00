import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStoreDBClient } from '@eventstore/db-client';
import { startTestCluster, startTestServer, type TestCluster, type TestServer } from '../../eventstore/test-server';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { describeOnEventStoreDb } from '../support/test-store';
import { errorCodes, graphql } from './support/graphql-calls';
import { ADMIN_KEY } from './support/world';

const REGISTER_SCHEME = 'mutation($input: RegisterSchemeInput!) { registerScheme(input: $input) { position replayed } }';
const HISTORY = 'query($stream: String!) { history(stream: $stream) { type } }';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Burst {
  /** Codes whose registration the registry acknowledged. */
  acknowledged: string[];
  /** Answers other than success or SERVICE_UNAVAILABLE: there must be none. */
  unexpected: string[];
  stop(): Promise<void>;
}

/** Writers registering schemes, each retrying with the same commandId while the store answers SERVICE_UNAVAILABLE,
 * as a client of the registry is told to. */
function startBurst(registry: RunningRegistry, prefix: string, writers = 4): Burst {
  const acknowledged: string[] = [];
  const unexpected: string[] = [];
  let running = true;
  const writer = async (index: number): Promise<void> => {
    for (let n = 0; running; n += 1) {
      const code = `${prefix}-${index}-${n}`;
      const input = { code, title: `Scheme ${code}`, commandId: randomUUID() };
      for (let attempt = 0; attempt < 50; attempt += 1) {
        const answer = await graphql(registry.http, REGISTER_SCHEME, { input }, ADMIN_KEY).catch(() => undefined);
        if (answer?.data?.registerScheme) {
          acknowledged.push(code);
          break;
        }
        const codes = answer === undefined ? ['NO_ANSWER'] : errorCodes(answer);
        if (!codes.every((c) => c === 'SERVICE_UNAVAILABLE')) unexpected.push(`${code}: ${codes.join(',')}`);
        await sleep(100);
      }
    }
  };
  const done = Promise.all(Array.from({ length: writers }, (_, index) => writer(index)));
  return {
    acknowledged,
    unexpected,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

/** How many SchemeRegistered events each code has in the log, read straight from the store. */
async function registrationsInLog(connectionString: string): Promise<Map<string, number>> {
  const client = EventStoreDBClient.connectionString(connectionString);
  const counts = new Map<string, number>();
  try {
    for await (const resolved of client.readAll()) {
      const event = resolved.event;
      if (event?.type !== 'SchemeRegistered') continue;
      const code = (event.data as { code: string }).code;
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  } finally {
    await client.dispose();
  }
  return counts;
}

async function expectNothingLostNorDoubled(registry: RunningRegistry, burst: Burst, connectionString: string): Promise<void> {
  const inLog = await registrationsInLog(connectionString);
  const lost = burst.acknowledged.filter((code) => inLog.get(code) !== 1);
  const doubled = [...inLog].filter(([, count]) => count > 1).map(([code]) => code);
  const sample = burst.acknowledged.at(-1)!;
  const history = await graphql(registry.http, HISTORY, { stream: `scheme-${sample}` }, ADMIN_KEY);
  expect({ lost, doubled, unexpected: burst.unexpected, history: history.data?.history }).toEqual({
    lost: [],
    doubled: [],
    unexpected: [],
    history: [{ type: 'SchemeRegistered' }],
  });
  expect(burst.acknowledged.length).toBeGreaterThan(10);
}

describeOnEventStoreDb('The registry riding out EventStoreDB failovers', () => {
  it('loses nothing and records nothing twice across a leader change and a member restart', async () => {
    const cluster: TestCluster = await startTestCluster();
    const registry = await startRegistry({ config: { adminKey: ADMIN_KEY, eventStoreConnectionString: cluster.connectionString } });
    try {
      const burst = startBurst(registry, 'LEAD');
      await sleep(700);
      cluster.changeLeader();
      await sleep(700);
      await cluster.restartMember(cluster.leaderIndex());
      await sleep(700);
      await burst.stop();

      expect(cluster.leaderIndex()).toBe(1);
      await expectNothingLostNorDoubled(registry, burst, cluster.connectionString);
    } finally {
      await registry.cleanup();
      await cluster.close();
    }
  }, 60_000);

  it('loses nothing and records nothing twice when its node is stopped and started again on its log file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registry-failover-'));
    const logFile = join(dir, 'log.jsonl');
    let server: TestServer = await startTestServer({ logFile });
    const registry = await startRegistry({ config: { adminKey: ADMIN_KEY, eventStoreConnectionString: server.connectionString } });
    try {
      const burst = startBurst(registry, 'NODE');
      await sleep(700);
      await server.close();
      await sleep(300);
      server = await startTestServer({ logFile, port: server.port });
      await sleep(1_000);
      await burst.stop();

      await expectNothingLostNorDoubled(registry, burst, server.connectionString);
    } finally {
      await registry.cleanup();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
