import type { EventData, EventStore } from '@registry/event-store';
import { toEventData } from '../dataset/generated-append';
import type { RegistryDataset } from '../dataset/registry-dataset';
import { SeededRandom } from '../dataset/seeded-random';

/**
 * What rows 1 and 2 append: `writers` streams, each receiving `perWriter` single events one after another,
 * with real registry payloads (a certificate's events, cycled) and fresh ids. Built before the clock starts,
 * so that every contender times the same bytes and none times their making.
 */
export interface AppendWorkload {
  streams: string[];
  /** events[w][k]: the k-th event appended to streams[w]. */
  events: EventData[][];
  total: number;
}

export function appendWorkload(dataset: RegistryDataset, tag: string, writers: number, perWriter: number): AppendWorkload {
  const random = new SeededRandom(dataset.options.seed, 5, writers, perWriter);
  const templates = [...dataset.certificates(0, Math.min(dataset.size, 64))].flatMap((history) =>
    [history.certificate, ...history.decisions].flatMap((append) => append.events.map(toEventData)),
  );
  const streams = Array.from({ length: writers }, (_, w) => `certificate-bench-${tag}-${String(w).padStart(3, '0')}`);
  const events = streams.map((_, w) =>
    Array.from({ length: perWriter }, (__, k) => ({ ...templates[(w * perWriter + k) % templates.length], id: random.uuid() })),
  );
  return { streams, events, total: writers * perWriter };
}

/** Every writer appends its stream's events one after another, each awaited, with exact expected revisions, all
 * writers at once; resolves to the last position written. */
export async function appendAll(store: EventStore, workload: AppendWorkload): Promise<bigint> {
  let last = 0n;
  const writer = async (w: number): Promise<void> => {
    const events = workload.events[w];
    for (let k = 0; k < events.length; k += 1) {
      const result = await store.append(workload.streams[w], [events[k]], { expectedRevision: k === 0 ? 'no_stream' : BigInt(k - 1) });
      if (result.position > last) last = result.position;
    }
  };
  await Promise.all(workload.streams.map((_, w) => writer(w)));
  return last;
}
