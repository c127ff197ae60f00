import Database from 'better-sqlite3';
import { certificateStream } from '@registry/domain';
import { openSqliteEventStore, type EventStore } from '@registry/event-store';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import { startReadSide } from './read-side';
import { readModelsPath } from './sqlite/read-model-file';
import { appendRegistryEvents } from './testing/registry-events';
import { sampleRegistry } from './testing/sample-registry';
import { verifyReadModels } from './verify-read-models';

jest.setTimeout(30_000);

/** Changes a holder's name inside the read-model file, as someone with access to the disk could. */
function editHolderName(dataDir: string, number: string, name: string): void {
  const db = new Database(readModelsPath(dataDir));
  try {
    const doc = JSON.parse(db.prepare<[string], string>('SELECT doc FROM doc_certificates WHERE id = ?').pluck().get(certificateStream(number))!) as { holderName: string };
    doc.holderName = name;
    db.prepare('UPDATE doc_certificates SET doc = ? WHERE id = ?').run(JSON.stringify(doc), certificateStream(number));
  } finally {
    db.close();
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('read models checked against the log', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function readModelsOverSample(): Promise<{ store: EventStore; dataDir: string }> {
    const dir = makeTempDataDir('verify');
    cleanups.push(() => dir.remove());
    const store = await openSqliteEventStore({ dataDir: dir.dataDir });
    cleanups.push(() => store.close());
    await appendRegistryEvents(store, sampleRegistry());
    await (await startReadSide(store, dir.dataDir)).close();
    return { store, dataDir: dir.dataDir };
  }

  it('verify-read-models finds nothing to report on read models the log gives', async () => {
    const { store, dataDir } = await readModelsOverSample();

    const result = await verifyReadModels(store, dataDir);

    expect(result.differences).toEqual([]);
    expect(result.documents).toBeGreaterThan(10);
  });

  it('verify-read-models reports every edited, added and removed document', async () => {
    const { store, dataDir } = await readModelsOverSample();
    editHolderName(dataDir, 'TH-PS-0001', 'Somebody Else');
    const db = new Database(readModelsPath(dataDir));
    db.prepare('INSERT INTO doc_certificates (id, doc) VALUES (?, ?)').run(certificateStream('XX-FORGED-1'), '{}');
    db.prepare('DELETE FROM doc_certificates WHERE id = ?').run(certificateStream('TH-PS-0002'));
    db.close();

    const { differences } = await verifyReadModels(store, dataDir);

    expect(differences.map(({ table, row, kind }) => ({ table, row, kind }))).toEqual([
      { table: 'doc_certificates', row: certificateStream('TH-PS-0001'), kind: 'different' },
      { table: 'doc_certificates', row: certificateStream('TH-PS-0002'), kind: 'missing' },
      { table: 'doc_certificates', row: certificateStream('XX-FORGED-1'), kind: 'extra' },
    ]);
    expect(differences[0].stored).toContain('Somebody Else');
  });

  it('the background sampler finds an edited document, counts it and gets the read models rebuilt', async () => {
    const { store, dataDir } = await readModelsOverSample();
    editHolderName(dataDir, 'TH-PS-0001', 'Somebody Else');

    const readSide = await startReadSide(store, dataDir, { sampleEveryMs: 5, sampleSize: 30 });
    cleanups.push(() => readSide.close());
    await until(() => readSide.status().repairs.length > 0 && readSide.status().state === 'live', 'the repair');

    expect(readSide.status()).toMatchObject({
      sampler: { mismatches: 1 },
      repairs: [{ kind: 'mismatch', reason: expect.stringContaining(certificateStream('TH-PS-0001')) }],
    });
    expect(readSide.readModels.certificate('TH-PS-0001')?.holderName).toBe('Holder of TH-PS-0001');
  });
});
