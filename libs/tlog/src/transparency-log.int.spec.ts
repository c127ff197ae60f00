import { openSqliteEventStore, type EventStore } from '@registry/event-store';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import Database from 'better-sqlite3';
import { statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { leafOf } from './leaf-of';
import { hashLeaf, rootOf, verifyConsistency, verifyInclusion } from './merkle';
import { openNote, parseCheckpoint, parseVerifierKey } from './note';
import { TamperedLogError } from './log-difference';
import { checkpointsPath } from './sqlite/checkpoint-file';
import { logTreePath } from './sqlite/log-tree-file';
import { TransparencyLog } from './transparency-log';
import { canonicalEventBytes } from '@registry/domain/log/canonical-event';

const ORIGIN = 'registry.test/log';

async function appendEvents(store: EventStore, count: number, prefix = 'certificate-T'): Promise<bigint> {
  let position = 0n;
  for (let i = 0; i < count; i += 1) {
    const result = await store.append(
      `${prefix}${i % 7}`,
      [{ id: crypto.randomUUID(), type: 'CertificateIssued', data: { n: i, name: `holder ${i}` }, metadata: { recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() } }],
      { expectedRevision: 'any' },
    );
    position = result.position;
  }
  return position;
}

describe('the transparency log on the embedded store', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setUp(): Promise<{ dataDir: string; store: EventStore }> {
    const dir = makeTempDataDir('tlog');
    cleanups.push(() => dir.remove());
    const store = await openSqliteEventStore({ dataDir: dir.dataDir });
    cleanups.push(() => store.close());
    return { dataDir: dir.dataDir, store };
  }

  const open = async (store: EventStore, dataDir: string, extra: Partial<Parameters<typeof TransparencyLog.open>[2]> = {}): Promise<TransparencyLog> => {
    const log = await TransparencyLog.open(store, dataDir, { origin: ORIGIN, soleWriter: true, checkpointIntervalMs: 20, ...extra });
    cleanups.push(() => log.close());
    return log;
  };

  it('follows appends into the tree, signs a checkpoint over them, and proves each event included', async () => {
    const { store, dataDir } = await setUp();
    const log = await open(store, dataDir);
    const last = await appendEvents(store, 40);
    await log.waitFor(last);
    expect(log.tree.size).toBe(40);

    const events = await store.readAll();
    expect(log.tree.root()).toEqual(rootOf(events.map((event) => hashLeaf(canonicalEventBytes(event)))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const checkpoint = log.latestCheckpoint()!;
    expect(checkpoint.treeSize).toBe(40);
    const opened = openNote(checkpoint.note, parseVerifierKey(log.signer.verifierKey));
    expect(opened.ok).toBe(true);
    const body = parseCheckpoint(checkpoint.note);
    expect(body).toEqual({ origin: ORIGIN, size: 40, rootHash: log.tree.root() });

    const leafIndex = log.leafIndexAt(events[17].position)!;
    expect(leafIndex).toBe(17);
    const proof = log.inclusionProof(leafIndex, 40);
    expect(verifyInclusion(17, 40, leafOf(events[17]).hash, proof.hashes, body.rootHash)).toEqual({ ok: true });
    expect(verifyConsistency(13, 40, log.tree.root(13), body.rootHash, log.consistencyProof(13, 40))).toEqual({ ok: true });
    expect(statSync(checkpointsPath(dataDir)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'registry-signing-key.pem')).mode & 0o777).toBe(0o600);
  });

  it('rebuilds the same tree from the log after its file is deleted, and the log still matches its checkpoints', async () => {
    const { store, dataDir } = await setUp();
    const log = await open(store, dataDir);
    await log.waitFor(await appendEvents(store, 25));
    const root = log.tree.root();
    await log.close();
    rmSync(logTreePath(dataDir));

    const rebuilt = await open(store, dataDir);
    expect(rebuilt.tree.size).toBe(25);
    expect(rebuilt.tree.root()).toEqual(root);
    expect(rebuilt.status().status).toBe('verified');
  });

  it('refuses to start on an edited event, naming its leaf, stream and revision; verifies incrementally when told to', async () => {
    const { store, dataDir } = await setUp();
    const log = await open(store, dataDir);
    await log.waitFor(await appendEvents(store, 20));
    await log.close();
    const events = await store.readAll();
    const file = new Database(join(dataDir, 'events.sqlite3'));
    file.prepare('UPDATE events SET data = ? WHERE position = ?').run(JSON.stringify({ n: 999 }), events[9].position);
    file.close();

    const refused = TransparencyLog.open(store, dataDir, { origin: ORIGIN, soleWriter: true });
    await expect(refused).rejects.toThrow(TamperedLogError);
    await expect(refused).rejects.toThrow(`leaf 9 (stream ${events[9].stream}, revision ${events[9].revision}) was changed`);
    // The incremental check at start only re-reads from the last verified leaf: it misses an old edit, and
    // the full pass it starts in the background finds it.
    const flagged = await open(store, dataDir, { verifyAtStart: 'incremental' });
    for (let i = 0; i < 50 && flagged.status().status !== 'tampered'; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flagged.status()).toMatchObject({ status: 'tampered', detail: expect.stringContaining('leaf 9') });
  });
});
