import { EventStoreDBClient, FORWARDS, jsonEvent, NO_STREAM, START, type AllStreamResolvedEvent, type JSONType } from '@eventstore/db-client';
import type { EventData } from '@registry/event-store';
import type { EventStore } from '@registry/event-store';
import { createEventStoreDbEventStore } from '@registry/event-store/eventstoredb';
import { startTestServer } from '../../eventstore/test-server';
import type { RegistryDataset } from '../dataset/registry-dataset';
import { appendWorkload, type AppendWorkload } from '../support/append-workload';
import { median, medianRatio, percent, rate } from '../support/figures';
import { ISSUE_ROWS } from './issue-rows';
import { notMeasured, type BenchRow } from './bench-row';

const WHAT = ISSUE_ROWS[7].what;
const TARGET = ISSUE_ROWS[7].target;
const WRITERS = 32;
const PER_WRITER = 20;
const LOG_EVENTS = 20_000;
const PAGE = 1000;

interface Contender {
  appends(workload: AppendWorkload): Promise<void>;
  /** Reads the whole log forwards in pages; returns how many events it saw. */
  readAll(): Promise<number>;
}

/** The port's JSON values are the client's JSON values; only the type names differ. */
function clientEvent(event: EventData): ReturnType<typeof jsonEvent> {
  return jsonEvent({ id: event.id, type: event.type, data: event.data as JSONType, metadata: event.metadata });
}

function directClient(client: EventStoreDBClient): Contender {
  return {
    async appends(workload) {
      await Promise.all(
        workload.streams.map(async (stream, w) => {
          for (let k = 0; k < workload.events[w].length; k += 1) {
            await client.appendToStream(stream, clientEvent(workload.events[w][k]), { expectedRevision: k === 0 ? NO_STREAM : BigInt(k - 1) });
          }
        }),
      );
    },
    async readAll() {
      let seen = 0;
      let from: { commit: bigint; prepare: bigint } | typeof START = START;
      for (;;) {
        const page: AllStreamResolvedEvent[] = [];
        const first = from === START;
        for await (const resolved of client.readAll({ direction: FORWARDS, fromPosition: from, maxCount: first ? PAGE : PAGE + 1 })) page.push(resolved);
        // Like the adapter's catch-up: a page starts at the last position seen and drops it.
        const fresh = first ? page : page.slice(1);
        seen += fresh.length;
        const last = page[page.length - 1]?.event?.position;
        if (page.length < (first ? PAGE : PAGE + 1) || last === undefined) return seen;
        from = last;
      }
    },
  };
}

function throughAdapter(store: EventStore): Contender {
  return {
    async appends(workload) {
      await Promise.all(
        workload.streams.map(async (stream, w) => {
          for (let k = 0; k < workload.events[w].length; k += 1) {
            await store.append(stream, [workload.events[w][k]], { expectedRevision: k === 0 ? 'no_stream' : BigInt(k - 1) });
          }
        }),
      );
    },
    async readAll() {
      let seen = 0;
      let from: bigint | null = null;
      for (;;) {
        const maxCount = from === null ? PAGE : PAGE + 1;
        const page = await store.readAll({ fromPosition: from ?? 'start', maxCount });
        seen += from === null ? page.length : page.length - 1;
        if (page.length < maxCount) return seen;
        from = page[page.length - 1].position;
      }
    },
  };
}

async function timed(work: () => Promise<number | void>): Promise<{ seconds: number; result: number | void }> {
  const started = performance.now();
  const result = await work();
  return { seconds: (performance.now() - started) / 1000, result };
}

async function openAdapter(connectionString: string): Promise<EventStore | string> {
  try {
    const store = createEventStoreDbEventStore(connectionString);
    await store.readAll({ maxCount: 1 });
    return store;
  } catch (error) {
    return `the adapter is not available: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Row 7: the registry's EventStoreDB adapter against the same @eventstore/db-client calls made directly,
 * both over loopback to one in-memory protocol test server. The server is a test double: the absolute rates
 * say nothing about a real EventStoreDB; the ratio says what the adapter costs on top of the client.
 */
export async function eventStoreDbRow(dataset: RegistryDataset, rounds: number, log: (line: string) => void): Promise<BenchRow> {
  const server = await startTestServer();
  const client = EventStoreDBClient.connectionString(server.connectionString);
  try {
    const seed = appendWorkload(dataset, 'r7-log', 100, LOG_EVENTS / 100);
    await Promise.all(seed.streams.map((stream, w) => client.appendToStream(stream, seed.events[w].map(clientEvent), { expectedRevision: NO_STREAM })));
    const store = await openAdapter(server.connectionString);
    if (typeof store === 'string') return notMeasured(7, WHAT, TARGET, store);
    try {
      const contenders = { direct: directClient(client), adapter: throughAdapter(store) };
      const appendRates: Record<'direct' | 'adapter', number[]> = { direct: [], adapter: [] };
      const readRates: Record<'direct' | 'adapter', number[]> = { direct: [], adapter: [] };
      // An untimed round first: both paths open their gRPC channels and warm up.
      for (const name of ['direct', 'adapter'] as const) {
        await contenders[name].appends(appendWorkload(dataset, `r7-${name}-warm`, WRITERS, 2));
        await contenders[name].readAll();
      }
      for (let round = 0; round < rounds; round += 1) {
        for (const name of ['direct', 'adapter'] as const) {
          const appends = await timed(() => contenders[name].appends(appendWorkload(dataset, `r7-${name}-${round}`, WRITERS, PER_WRITER)));
          appendRates[name].push((WRITERS * PER_WRITER) / appends.seconds);
          const reads = await timed(() => contenders[name].readAll());
          readRates[name].push(Number(reads.result) / reads.seconds);
        }
        log(
          `  row 7 round ${round + 1}: appends direct ${rate(appendRates.direct[round], '/s')} adapter ${rate(appendRates.adapter[round], '/s')}; ` +
            `read-all direct ${rate(readRates.direct[round], 'ev/s')} adapter ${rate(readRates.adapter[round], 'ev/s')}`,
        );
      }
      const [appendsDirect, appendsAdapter, readsDirect, readsAdapter] = [appendRates.direct, appendRates.adapter, readRates.direct, readRates.adapter].map(median);
      return {
        kind: 'measured',
        number: 7,
        what: WHAT,
        ours: `appends ${rate(appendsAdapter, '/s')}; read-all ${rate(readsAdapter, 'events/s')}`,
        baseline: `appends ${rate(appendsDirect, '/s')}; read-all ${rate(readsDirect, 'events/s')}`,
        ratio: `appends ${percent(medianRatio(appendRates.adapter, appendRates.direct))}; read-all ${percent(medianRatio(readRates.adapter, readRates.direct))}`,
        target: TARGET,
        verdict: 'informational',
        notes: [
          `appends: ${WRITERS} writers × ${PER_WRITER} single-event appends with exact expected revisions; read-all: $all forwards in pages of ${PAGE} over ≥ ${LOG_EVENTS.toLocaleString('en-US')} events`,
          'one in-memory protocol test server on loopback for both; it is a test double, so only the ratio means anything',
          `rates: medians of ${rounds} interleaved rounds after an untimed one; ratios: medians of the per-round ratios`,
        ],
        figures: { appendsDirect, appendsAdapter, readsDirect, readsAdapter, rounds },
      };
    } finally {
      await store.close();
    }
  } finally {
    await client.dispose();
    await server.close();
  }
}
