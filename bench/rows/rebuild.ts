import { createEventStore } from '@registry/event-store';
import { rebuildReadModels } from '@registry/projections';
import { rawLogRead } from '../baselines/raw-log-read';
import { median, percent, rate, seconds } from '../support/figures';
import { ISSUE_ROWS } from './issue-rows';
import type { BenchRow } from './bench-row';

/**
 * Row 3: `rebuildReadModels` from position 0 over the loaded log, as `npm run rebuild` runs it, against a
 * raw read + JSON.parse of the same rows. Interleaved: raw, rebuild, raw, rebuild, ..., raw.
 */
export async function rebuildRow(dataDir: string, rounds: number, log: (line: string) => void): Promise<BenchRow> {
  const raw: number[] = [];
  const ours: number[] = [];
  let events = 0;
  const rawOnce = (): void => {
    const floor = rawLogRead(dataDir);
    raw.push(floor.events / floor.seconds);
  };
  rawOnce();
  for (let round = 0; round < rounds; round += 1) {
    const store = await createEventStore({ dataDir });
    try {
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
  return {
    kind: 'measured',
    number: 3,
    what: ISSUE_ROWS[3].what,
    ours: rate(ourRate, 'events/s'),
    baseline: `raw ${rate(rawRate, 'events/s')}`,
    ratio: percent(ourRate / rawRate),
    target: ISSUE_ROWS[3].target,
    verdict: ourRate / rawRate >= 0.5 ? 'met' : 'MISSED',
    notes: [
      `${events.toLocaleString('en-US')} events; rebuildReadModels (what npm run rebuild calls) into a fresh file, timed to the swap`,
      'raw: better-sqlite3 iterate over the events table in position order + JSON.parse of data and metadata',
      `median of ${rounds} rebuild(s) and ${rounds + 1} raw reads, interleaved`,
    ],
    figures: { events, oursPerSecond: ourRate, rawPerSecond: rawRate, ofRaw: ourRate / rawRate, rounds },
  };
}
