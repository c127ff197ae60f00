import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteEventStore, type EventStore } from '@registry/event-store';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import { ReadModelsBehindError, ReadModelsInUseError } from './errors';
import { startReadSide, type ReadSide } from './read-side';
import { rebuildReadModels } from './rebuild-read-models';
import { readModelsPath } from './sqlite/read-model-file';
import { countingReads } from '@registry/event-store/testing/wrapped-store';
import { dumpReadModels } from './testing/dump-read-models';
import { appendRegistryEvents } from './testing/registry-events';
import { build, PS, sampleRegistry } from './testing/sample-registry';

describe('the read side on the embedded store', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function openStore(dataDir?: string): Promise<{ store: EventStore; dataDir: string }> {
    const dir = dataDir ?? makeTempDataDir('read-side');
    const path = typeof dir === 'string' ? dir : dir.dataDir;
    if (typeof dir !== 'string') cleanups.push(() => dir.remove());
    const store = await openSqliteEventStore({ dataDir: path });
    cleanups.push(() => store.close());
    return { store, dataDir: path };
  }

  async function open(store: EventStore, dataDir: string): Promise<ReadSide> {
    const readSide = await startReadSide(store, dataDir);
    cleanups.push(() => readSide.close());
    return readSide;
  }

  it('folds events appended while it runs and answers once the written position is applied', async () => {
    const { store, dataDir } = await openStore();
    const readSide = await open(store, dataDir);

    const results = await appendRegistryEvents(store, sampleRegistry());
    await readSide.runner.waitFor(results[results.length - 1].position);

    const certificate = readSide.readModels.certificate('TH-PS-0002');
    expect(certificate?.statusChanges.map((change) => change.change)).toEqual(['SUSPENDED', 'REINSTATED']);
    expect(readSide.readModels.certificationBodies('MY').map((body) => body.cbId)).toEqual(['my-mpc']);
    expect(readSide.readModels.arrangementsWithParty(['id-lsp']).map((arrangement) => arrangement.id)).toEqual(['asean-ps', 'th-id']);
    expect(readSide.readModels.decisionsOn('TH-PS-0001').map((decision) => decision.country)).toEqual(['ID']);
    expect(readSide.readModels.apiKey('0123456789abcdef')?.revoked).not.toBeNull();
    expect(readSide.readModels.apiKeyCount()).toBe(2);
    expect(readSide.runner.appliedPosition()).toBe(results[results.length - 1].position);
  });

  it('creates its data directory when nothing else has (the log kept in EventStoreDB)', async () => {
    const { store, dataDir } = await openStore();
    const replicaDir = join(dataDir, 'replica', 'read-models');

    const readSide = await open(store, replicaDir);

    expect(existsSync(readModelsPath(replicaDir))).toBe(true);
    expect(readSide.runner.appliedPosition()).toBe(0n);
  });

  it('answers from its cache of directories only until they change', async () => {
    const { store, dataDir } = await openStore();
    const seeded = await appendRegistryEvents(store, sampleRegistry());
    const readSide = await open(store, dataDir);
    await readSide.runner.waitFor(seeded[seeded.length - 1].position);
    const before = readSide.readModels.recognitionInput('TH-PS-0001', 'MY');

    const [suspended] = await appendRegistryEvents(store, [build.accreditationSuspended('my-mpc', '2026-01-01')]);
    await readSide.runner.waitFor(suspended.position);
    const after = readSide.readModels.recognitionInput('TH-PS-0001', 'MY');

    expect(before.hostBodies[0].statusChanges).toHaveLength(2);
    expect(after.hostBodies[0].statusChanges).toHaveLength(3);
    expect(readSide.readModels.certificationBody('my-mpc')?.statusChanges).toHaveLength(3);
  });

  it('rebuilds from position 0 into exactly the read models the live projections built', async () => {
    const { store, dataDir } = await openStore();
    const events = sampleRegistry();
    await appendRegistryEvents(store, events.slice(0, 10));
    const readSide = await open(store, dataDir);
    // The rest arrives live, in bursts and one by one, so live batching is part of what is compared.
    const burst = await Promise.all(events.slice(10, 20).map((event) => appendRegistryEvents(store, [event])));
    const rest = await appendRegistryEvents(store, events.slice(20));
    await readSide.runner.waitFor(rest[rest.length - 1].position);
    expect(burst).toHaveLength(10);
    await readSide.close();
    const live = dumpReadModels(readModelsPath(dataDir));

    const result = await rebuildReadModels(store, dataDir, { pageSize: 7 });
    const rebuilt = dumpReadModels(readModelsPath(dataDir));
    // One event per batch: later events fold onto documents the writer thread has not acknowledged yet.
    await rebuildReadModels(store, dataDir, { pageSize: 1 });

    expect(result.events).toBe(events.length);
    expect(rebuilt).toEqual(live);
    expect(dumpReadModels(readModelsPath(dataDir))).toEqual(live);
    const documentTables = Object.entries(live.tables).filter(([name]) => name.startsWith('doc_'));
    expect(documentTables.filter(([, rows]) => rows.length === 0).map(([name]) => name)).toEqual([]);
  });

  it('resumes after close and reopen from its checkpoint, reading only what was appended meanwhile', async () => {
    const { store, dataDir } = await openStore();
    await appendRegistryEvents(store, sampleRegistry());
    const first = await open(store, dataDir);
    await first.close();

    const later = await appendRegistryEvents(store, [build.issued('TH-PS-0100', 'th-ftpi', PS)]);
    const counting = countingReads(store);
    const reopened = await open(counting.store, dataDir);

    expect(reopened.runner.appliedPosition()).toBe(later[0].position);
    expect(reopened.readModels.certificate('TH-PS-0100')?.holderName).toBe('Holder of TH-PS-0100');
    // The identity check reads the checkpoint's event, the catch-up reads it again and the one new event.
    expect(counting.read()).toBeLessThanOrEqual(3);
  });

  it('changes nothing when events already folded in are applied again behind a lagging checkpoint', async () => {
    const { store, dataDir } = await openStore();
    await appendRegistryEvents(store, sampleRegistry());
    const first = await open(store, dataDir);
    await first.close();
    const before = dumpReadModels(readModelsPath(dataDir));
    const db = new Database(readModelsPath(dataDir));
    db.exec('UPDATE projection_checkpoints SET position = NULL, event_id = NULL');
    db.close();

    const again = await open(store, dataDir);
    await again.close();

    expect(dumpReadModels(readModelsPath(dataDir))).toEqual(before);
  });

  it('rebuilds read models that belong to another log instead of trusting them', async () => {
    const a = await openStore();
    await appendRegistryEvents(a.store, sampleRegistry());
    await (await open(a.store, a.dataDir)).close();
    const b = await openStore();
    await appendRegistryEvents(b.store, [build.scheme('OTHER-1'), build.scheme('OTHER-2')]);
    copyFileSync(readModelsPath(a.dataDir), readModelsPath(b.dataDir));

    const readSide = await open(b.store, b.dataDir);

    expect(readSide.readModels.schemes().map((scheme) => scheme.code)).toEqual(['OTHER-1', 'OTHER-2']);
    expect(readSide.readModels.certificate('TH-PS-0001')).toBeNull();
  });

  it('refuses a second reader-writer of the same read models, and a rebuild while they are open', async () => {
    const { store, dataDir } = await openStore();
    await open(store, dataDir);

    await expect(startReadSide(store, dataDir)).rejects.toBeInstanceOf(ReadModelsInUseError);
    await expect(rebuildReadModels(store, dataDir)).rejects.toBeInstanceOf(ReadModelsInUseError);
  });

  it('gives up waiting for a position the log never reaches, with how far it got', async () => {
    const { store, dataDir } = await openStore();
    const [written] = await appendRegistryEvents(store, [build.scheme(PS)]);
    const readSide = await open(store, dataDir);

    const waiting = readSide.runner.waitFor(written.position + 1_000n, 50);

    await expect(waiting).rejects.toBeInstanceOf(ReadModelsBehindError);
    await expect(waiting).rejects.toMatchObject({ applied: written.position });
  });

  it('leaves the old read models in place when a rebuild fails half way', async () => {
    const { store, dataDir } = await openStore();
    await appendRegistryEvents(store, sampleRegistry());
    await (await open(store, dataDir)).close();
    const before = dumpReadModels(readModelsPath(dataDir));
    await store.append('certificate-BROKEN', [{ id: '00000000-0000-4000-8000-000000000001', type: 'CertificateIssued', data: {}, metadata: { schemaVersion: 99 } }], {
      expectedRevision: 'no_stream',
    });

    await expect(rebuildReadModels(store, dataDir)).rejects.toThrow(/schema version 99/);

    expect(dumpReadModels(readModelsPath(dataDir))).toEqual(before);
    expect(existsSync(join(dataDir, 'read-models.sqlite.rebuild'))).toBe(false);
  });
});
