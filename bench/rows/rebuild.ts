import { createEventStore } from '@registry/event-store';
import { rebuildReadModels } from '@registry/projections';
import { rawReadAndParse } from '@registry/projections/measure/raw-log-read';
import { collectGarbage } from '../support/collect-garbage';
import { flushDirtyPages } from '../support/flush-disk';
import { median, medianRatio, percent, rate, seconds } from '../support/figures';
import { ISSUE_ROWS } from './issue-rows';
import type { BenchRow } from './bench-row';

/**
 * Row 3: `rebuildReadModels` from position 0 over the loaded log, as `npm run rebuild` runs it, against a
 * raw read + JSON.parse of the same rows. Interleaved: raw, rebuild, raw, rebuild, ..., raw.
 */
export async function rebuildRow(dataDir: string, rounds: number, log: (line: string) => void): Promise<BenchRow> {
  const raw: number[] = [];
  const ours: number[] = [];
  flushDirtyPages();
  let events = 0;
  const rawOnce = (): void => {
    collectGarbage();
    const floor = rawReadAndParse(dataDir);
    raw.push(floor.events / floor.seconds);
  };
  rawOnce();
  for (let round = 0; round < rounds; round += 1) {
    const store = await createEventStore({ dataDir });
    try {
      collectGarbage();
      const started = performance.now();
      const result = await rebuildReadModels(store, dataDir);
      const elapsed = (performance.now() - started) / 1000;
      events = result.events;
      ours.push(result.events / elapsed);
      log(`  row 3 round ${round + 1}: rebuild ${result.events} events in ${seconds(elapsed)} = ${rate(result.events / elapsed, 'events/s')}`);
    } finally {
      await store.close();
    }
    rawOnce();
  }
  const ourRate = median(ours);
  const rawRate = median(raw);
  // Each rebuild against the mean of the raw reads either side of it.
  const ofRaw = medianRatio(ours, ours.map((_, i) => (raw[i] + raw[i + 1]) / 2));
  return {
    kind: 'measured',
    number: 3,
    what: ISSUE_ROWS[3].what,
    ours: rate(ourRate, 'events/s'),
    baseline: `raw ${rate(rawRate, 'events/s')}`,
    ratio: percent(ofRaw),
    target: ISSUE_ROWS[3].target,
    verdict: ofRaw >= 0.6 ? 'met' : 'MISSED',
    notes: [
      `${events.toLocaleString('en-US')} events; rebuildReadModels (what npm run rebuild calls) into a fresh file, timed to the swap`,
      'raw: better-sqlite3 iterate over the events table in position order + JSON.parse of data and metadata',
      `rates: medians of ${rounds} rebuild(s) and ${rounds + 1} raw reads, interleaved; ratio: median of each rebuild against the raw reads either side`,
    ],
    figures: { events, oursPerSecond: ourRate, rawPerSecond: rawRate, ofRaw, rounds },
  };
}
