import type { RegistryEventType } from '@registry/domain';
import type { EventStore } from '@registry/event-store';
import { toEventData, type GeneratedAppend } from './generated-append';
import { countByType, type RegistryDataset } from './registry-dataset';

export interface LoadReport {
  certificates: number;
  appends: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  /** The global position of the last event appended. */
  lastPosition: bigint;
  byType: Partial<Record<RegistryEventType, number>>;
}

export interface LoadOptions {
  /** Certificates generated and appended per wave. */
  chunk?: number;
  onProgress?: (certificatesLoaded: number) => void;
}

/**
 * Appends the whole data set through the port: one append per stream, thousands in flight at once so that
 * the store can commit them together. A recognition decision is appended only after the wave holding its
 * certificate has been acknowledged, so the log keeps cause before effect on any adapter.
 */
export async function loadDataset(store: EventStore, dataset: RegistryDataset, options: LoadOptions = {}): Promise<LoadReport> {
  const chunk = options.chunk ?? 4096;
  const started = performance.now();
  const byType = {};
  let appends = 0;
  let events = 0;
  let lastPosition = 0n;
  const appendAll = async (wave: GeneratedAppend[]): Promise<void> => {
    appends += wave.length;
    for (const append of wave) events += append.events.length;
    countByType(wave, byType);
    const results = await Promise.all(
      wave.map((append) => store.append(append.stream, append.events.map(toEventData), { expectedRevision: 'no_stream' })),
    );
    for (const result of results) if (result.position > lastPosition) lastPosition = result.position;
  };

  // Schemes before the CBs that are accredited for them, CBs before the arrangements they sign.
  const reference = dataset.referenceAppends();
  for (const prefix of ['scheme-', 'cb-', 'arrangement-']) await appendAll(reference.filter((append) => append.stream.startsWith(prefix)));

  // Two waves in flight: one committing while the next is encoded and sent. Wave k carries chunk k's
  // certificates and chunk k-2's decisions, launched only once wave k-2 (their certificates) is acknowledged.
  const inFlight: Promise<void>[] = [];
  const decisionsByChunk: GeneratedAppend[][] = [];
  for (let from = 0; from < dataset.size; from += chunk) {
    const histories = [...dataset.certificates(from, Math.min(dataset.size, from + chunk))];
    if (inFlight.length === 2) await inFlight.shift();
    const decisions = decisionsByChunk.length === 2 ? (decisionsByChunk.shift() ?? []) : [];
    options.onProgress?.(from);
    const wave = appendAll([...histories.map((history) => history.certificate), ...decisions]);
    // Awaited in turn below; this only stops a failing wave from counting as unhandled meanwhile.
    wave.catch(() => undefined);
    inFlight.push(wave);
    decisionsByChunk.push(histories.flatMap((history) => history.decisions));
  }
  await Promise.all(inFlight);
  await appendAll(decisionsByChunk.flat());
  options.onProgress?.(dataset.size);

  const seconds = (performance.now() - started) / 1000;
  return { certificates: dataset.size, appends, events, seconds, eventsPerSecond: events / seconds, lastPosition, byType };
}
