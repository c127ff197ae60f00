import { RecognitionChanges, toEventRef, toRegistryEvent, type EventRef, type RegistryEvent } from '@registry/domain';
import { openSqliteEventStore } from '@registry/event-store';
import type { RegistryDataset } from '../dataset/registry-dataset';
import { toEventData } from '../dataset/generated-append';
import { appendAll, appendWorkload, type AppendWorkload } from '../support/append-workload';
import { collectGarbage } from '../support/collect-garbage';
import { count, median, medianRatio, percent, rate, seconds } from '../support/figures';
import { withTempDir } from '../support/temp-dir';
import type { BenchRow } from './bench-row';
import { ISSUE_ROWS } from './issue-rows';

const TODAY = '2026-06-30';
const CONCURRENCY = 64;

const revisions = new Map<string, number>();

/** A synthetic ref, the next revision of its stream (timelines ignore a revision they already folded). */
function refOf(position: number, stream: string, type: string): EventRef {
  const revision = (revisions.get(stream) ?? -1) + 1;
  revisions.set(stream, revision);
  return { stream, revision, position: String(position), type };
}

/**
 * Row 15: an arrangement between two CBs (TH and MY), every one of N certificates issued by the TH CB and
 * recognized in MY under it; MY's CB withdraws from the arrangement. Timed: deriving the facts of that one
 * event (every certificate re-asked in MY), in process, from a world already folded.
 */
export function partyWithdrawalRow(certificates: number, log: (line: string) => void): BenchRow {
  const changes = new RecognitionChanges();
  let position = 0;
  const record = (event: RegistryEvent, stream: string): number => changes.record(event, refOf((position += 1), stream, event.type), TODAY).length;
  for (const [cbId, country] of [
    ['th-cb', 'TH'],
    ['my-cb', 'MY'],
  ]) {
    record({ type: 'CertificationBodyAccredited', data: { cbId, name: cbId, country, scope: ['PS'], accreditedOn: '2020-01-01', validUntil: '2035-12-31' } }, `cb-${cbId}`);
  }
  record({ type: 'MRASigned', data: { id: 'mra', title: 'mra', parties: ['th-cb', 'my-cb'], schemes: ['PS'], mode: 'AUTOMATIC', effectiveFrom: '2021-01-01', expiresOn: null } }, 'arrangement-mra');
  const loading = performance.now();
  for (let i = 0; i < certificates; i += 1) {
    const number = `TH-PS-${String(i).padStart(7, '0')}`;
    record({ type: 'CertificateIssued', data: { number, cbId: 'th-cb', schemeCode: 'PS', holderName: 'h', issuedOn: '2024-01-01', validUntil: '2030-12-31' } }, `certificate-${number}`);
  }
  const foldSeconds = (performance.now() - loading) / 1000;
  log(`  row 15: ${count(certificates)} certificates folded (with their facts) in ${seconds(foldSeconds)}`);
  collectGarbage();
  const started = performance.now();
  const facts = changes.record({ type: 'MRAPartyWithdrawn', data: { id: 'mra', cbId: 'my-cb', effectiveOn: TODAY } }, refOf((position += 1), 'arrangement-mra', 'MRAPartyWithdrawn'), TODAY);
  const derivationSeconds = (performance.now() - started) / 1000;
  return {
    kind: 'measured',
    number: 15,
    what: ISSUE_ROWS[15].what,
    ours: `${seconds(derivationSeconds)} for ${count(facts.length)} RecognitionLapsed`,
    baseline: '—',
    ratio: '—',
    target: ISSUE_ROWS[15].target,
    verdict: 'informational',
    notes: [
      `${count(certificates)} certificates of one CB recognized in the other party's country under one AUTOMATIC arrangement; the withdrawal re-asks the recognition rule for every (certificate, country) pair the arrangement's parties could touch, in process (RecognitionChanges, no I/O); folding the certificates with their own facts took ${seconds(foldSeconds)} (${rate(certificates / foldSeconds, 'certificates/s')})`,
    ],
    figures: { certificates, facts: facts.length, derivationSeconds, foldSeconds },
  };
}


/** Appends/s of row 1's workload on a log holding the data set's reference world, with the derivation following
 * the log in the same process (timed until it derived from the last append) or without. */
async function appendsPerSecond(dataDir: string, dataset: RegistryDataset, workload: AppendWorkload, derive: boolean): Promise<number> {
  const store = await openSqliteEventStore({ dataDir });
  for (const append of dataset.referenceAppends()) await store.append(append.stream, append.events.map(toEventData), { expectedRevision: 'any' });
  const changes = new RecognitionChanges();
  let derived = 0n;
  const subscription = derive ? store.subscribeToAll({ fromPosition: 'start' }) : null;
  const following = (async () => {
    if (subscription === null) return;
    for await (const recorded of subscription) {
      const version = recorded.metadata.schemaVersion;
      changes.record(toRegistryEvent(recorded.type, typeof version === 'number' ? version : undefined, recorded.data), toEventRef(recorded), TODAY);
      derived = recorded.position;
    }
  })();
  try {
    collectGarbage();
    const started = performance.now();
    const last = await appendAll(store, workload);
    while (subscription !== null && derived < last) await new Promise((resolve) => setTimeout(resolve, 1));
    return workload.total / ((performance.now() - started) / 1000);
  } finally {
    await subscription?.close();
    await following;
    await store.close();
  }
}

/** Row 16: durable appends with the recognition facts derived live vs without. */
export async function appendsWithDerivationRow(dataset: RegistryDataset, options: { rounds: number; log: (line: string) => void }): Promise<BenchRow> {
  const perWriter = 200;
  const withDerivation: number[] = [];
  const without: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    without.push(await withTempDir('row16-without', (dir) => appendsPerSecond(dir, dataset, appendWorkload(dataset, `r16a${round}`, CONCURRENCY, perWriter), false)));
    withDerivation.push(await withTempDir('row16-derive', (dir) => appendsPerSecond(dir, dataset, appendWorkload(dataset, `r16b${round}`, CONCURRENCY, perWriter), true)));
    options.log(`  row 16 round ${round + 1}: with derivation ${rate(withDerivation[round], '/s')}, without ${rate(without[round], '/s')}`);
  }
  const ratio = medianRatio(withDerivation, without);
  return {
    kind: 'measured',
    number: 16,
    what: ISSUE_ROWS[16].what,
    ours: rate(median(withDerivation), 'appends/s'),
    baseline: `without derivation ${rate(median(without), 'appends/s')}`,
    ratio: percent(ratio),
    target: ISSUE_ROWS[16].target,
    verdict: 'informational',
    notes: [
      `row 1's workload (${CONCURRENCY} writers × ${perWriter} appends of certificate events, each awaited) on a log holding the data set's reference world (CBs, arrangements), with RecognitionChanges following the log in the same process; timed until the last append is derived from`,
      `medians of ${options.rounds} interleaved rounds, each on a fresh directory; ratio: median of the per-round ratios`,
    ],
    figures: { withDerivationPerSecond: median(withDerivation), withoutPerSecond: median(without), ratio, rounds: options.rounds },
  };
}
