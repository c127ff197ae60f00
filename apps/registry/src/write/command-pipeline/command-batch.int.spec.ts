import { randomUUID } from 'node:crypto';
import { openSqliteEventStore } from '@registry/event-store';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import type { CommandDraft } from './command-draft';
import { AB, cbActor, fixedClock, ObservedStore, startPipeline, type Pipeline } from './testing/pipeline-harness';

const PS = 'APO-PS 101:2023';
const FTPI = cbActor('th-ftpi');

const issue = (number: string, holderName = 'Siti Rahmawati'): CommandDraft => ({
  type: 'IssueCertificate',
  data: { number, cbId: 'th-ftpi', schemeCode: PS, holderName, issuedOn: '2024-03-01', validUntil: '2027-02-28' },
  actor: FTPI,
});
const suspend = (number: string): CommandDraft => ({ type: 'SuspendCertificate', data: { number, effectiveOn: '2025-01-10', reason: 'complaint' }, actor: FTPI });
const outcomesOf = (batch: { items: Array<{ outcome: string; reason?: string }> }) => batch.items.map((item) => [item.outcome, item.reason ?? null]);

describe('a batch of commands on the embedded store (the bulk write path)', () => {
  const dir = makeTempDataDir('write-batch');
  let store: ObservedStore;
  let pipeline: Pipeline;
  const typesOf = async (number: string): Promise<string[]> => (await store.readStream(`certificate-${number}`)).map((event) => event.type);

  beforeAll(async () => {
    store = new ObservedStore(await openSqliteEventStore({ dataDir: dir.dataDir }));
    pipeline = await startPipeline(store, fixedClock('2024-07-10T08:30:00.000Z'));
    await pipeline.send({ type: 'RegisterScheme', data: { code: PS, title: 'PS' }, actor: AB });
    await pipeline.send({ type: 'AccreditCertificationBody', data: { cbId: 'th-ftpi', name: 'FTPI', country: 'TH', scope: [PS], accreditedOn: '2024-01-01', validUntil: '2027-12-31' }, actor: AB });
  });

  beforeEach(() => {
    store.appends = 0;
    store.conflicts = 0;
    store.beforeAppend = null;
  });

  afterAll(async () => {
    await pipeline.close();
    dir.remove();
  });

  it('decides each command on what the commands before it decided, and appends every stream in one append', async () => {
    const [a, b] = [`TH-B-${randomUUID()}`, `TH-B-${randomUUID()}`];
    const batch = await pipeline.sendBatch([
      { draft: issue(a), chain: a },
      { draft: issue(b), chain: b },
      { draft: suspend(a), chain: a },
    ]);
    expect(outcomesOf(batch)).toEqual([['WRITTEN', null], ['WRITTEN', null], ['WRITTEN', null]]);
    expect(await typesOf(a)).toEqual(['CertificateIssued', 'CertificateSuspended']);
    expect(await typesOf(b)).toEqual(['CertificateIssued']);
    expect(store.appends).toBe(2);
  });

  it('a refused command writes nothing and stops the rest of its chain, not the others', async () => {
    const [fine, wrong] = [`TH-B-${randomUUID()}`, `TH-B-${randomUUID()}`];
    const batch = await pipeline.sendBatch([
      { draft: suspend(wrong), chain: wrong },
      { draft: issue(fine), chain: fine },
      { draft: issue(wrong), chain: wrong },
    ]);
    expect(outcomesOf(batch)).toEqual([['REFUSED', 'CERTIFICATE_NOT_FOUND'], ['WRITTEN', null], ['REFUSED', 'FOLLOWS_REFUSED_ROW']]);
    expect(await typesOf(wrong)).toEqual([]);
    expect(await typesOf(fine)).toEqual(['CertificateIssued']);
  });

  it('the same command ids again are SKIPPED, with nothing appended', async () => {
    const number = `TH-B-${randomUUID()}`;
    const items = [{ draft: issue(number), chain: number, commandId: randomUUID() }, { draft: suspend(number), chain: number, commandId: randomUUID() }];
    await pipeline.sendBatch(items);
    store.appends = 0;
    const again = await pipeline.sendBatch(items);
    expect(outcomesOf(again)).toEqual([['SKIPPED', null], ['SKIPPED', null]]);
    expect({ appends: store.appends, position: again.position }).toEqual({ appends: 0, position: null });
  });

  it('a writer that moved one of its streams meanwhile makes the batch decide again on fresh state, never written over', async () => {
    const number = `TH-B-${randomUUID()}`;
    store.beforeAppend = async () => {
      store.beforeAppend = null;
      // Between the batch's reads and its append: the same number issued by a single write.
      await pipeline.send(issue(number, 'Somebody Else'));
    };
    const batch = await pipeline.sendBatch([{ draft: issue(number), chain: number }, { draft: suspend(number), chain: number }]);
    expect(store.conflicts).toBe(1);
    expect(outcomesOf(batch)).toEqual([['REFUSED', 'CERTIFICATE_NUMBER_TAKEN'], ['REFUSED', 'FOLLOWS_REFUSED_ROW']]);
    const recorded = await store.readStream(`certificate-${number}`);
    expect(recorded.map((event) => [event.type, (event.data as { holderName?: string }).holderName])).toEqual([['CertificateIssued', 'Somebody Else']]);
  });
});
