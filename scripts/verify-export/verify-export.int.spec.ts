import Database from 'better-sqlite3';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { openSqliteEventStore, type EventStore } from '@registry/event-store';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import { TransparencyLog, verifyLog, describeDifference } from '@registry/tlog';
import { exportLog } from '../export/export-log';
import { verifyExport } from './verify-export-file';

async function* linesOf(text: string): AsyncIterable<string> {
  yield* text.split('\n');
}

describe('export, verify-export and verify-log on a signed log', () => {
  const dir = makeTempDataDir('export');
  let store: EventStore;
  let note: string;
  let verifierKey: string;
  let exported: string;

  beforeAll(async () => {
    store = await openSqliteEventStore({ dataDir: dir.dataDir });
    const log = await TransparencyLog.open(store, dir.dataDir, { origin: 'registry.test/log', soleWriter: true });
    for (let i = 0; i < 30; i += 1) {
      await store.append(`scheme-E${i % 4}`, [{ id: crypto.randomUUID(), type: 'SchemeRegistered', data: { code: `E${i}`, title: 'é ✓ "quoted"' }, metadata: { recordedAt: new Date().toISOString() } }], {
        expectedRevision: 'any',
      });
    }
    await log.close();
    note = readCheckpoint(dir.dataDir);
    verifierKey = log.signer.verifierKey;
    const file = join(dir.dataDir, 'log.ndjson');
    const out = createWriteStream(file);
    expect(await exportLog(store, out)).toBe(30);
    out.end();
    await once(out, 'finish');
    exported = readFileSync(file, 'utf8');
  }, 30_000);

  afterAll(async () => {
    await store?.close();
    dir.remove();
  });

  function readCheckpoint(dataDir: string): string {
    const db = new Database(join(dataDir, 'signed-checkpoints.sqlite3'), { readonly: true });
    const latest = db.prepare('SELECT note FROM checkpoints ORDER BY tree_size DESC LIMIT 1').pluck().get() as string;
    db.close();
    return latest;
  }

  it('recomputes the signed root from the export alone', async () => {
    expect(await verifyExport(linesOf(exported), note, verifierKey)).toEqual({ ok: true, leaves: 30, checkpointSize: 30, signer: 'registry.test/log' });
  });

  it('refuses an export with one event changed, one missing, or a checkpoint signed by another key', async () => {
    const lines = exported.trimEnd().split('\n');
    const changed = lines.map((line, i) => (i === 7 ? line.replace('E7', 'E8') : line)).join('\n');
    const missing = lines.filter((_line, i) => i !== 12).join('\n');

    expect(await verifyExport(linesOf(changed), note, verifierKey)).toEqual({ ok: false, reason: 'the first 30 leaves of the export do not hash to the signed root' });
    expect((await verifyExport(linesOf(missing), note, verifierKey)).ok).toBe(false);
    const otherKey = verifierKey.replace(/\+[0-9a-f]{8}\+/, '+00000000+');
    expect((await verifyExport(linesOf(exported), note, otherKey)).ok).toBe(false);
  });

  it('verify-log finds the log as signed, then names the leaf edited in the file', async () => {
    const clean = await verifyLog(store, dir.dataDir, verifierKey);
    expect(clean).toMatchObject({ leaves: 30, difference: null, badSignature: null });
    expect(clean.checkpointsChecked).toBeGreaterThan(0);

    const db = new Database(join(dir.dataDir, 'events.sqlite3'));
    db.prepare("UPDATE events SET data = replace(data, 'E5', 'E9') WHERE position = (SELECT position FROM events ORDER BY position LIMIT 1 OFFSET 5)").run();
    db.close();
    const altered = await verifyLog(store, dir.dataDir, verifierKey);
    expect(describeDifference(altered.difference!)).toMatch(/^leaf 5 \(stream scheme-E1, revision 1\) was changed/);
  });

  it('the verifier imports nothing of the registry but the canonical encoding, the tree and the notes', () => {
    const allowed = [/libs\/domain\/src\/log\//, /libs\/tlog\/src\/merkle\//, /libs\/tlog\/src\/note\//, /scripts\/verify-export/];
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (!specifier.startsWith('.')) {
          expect(['canonicalize'].includes(specifier) || specifier.startsWith('node:')).toBe(true);
          continue;
        }
        const base = resolve(dirname(file), specifier);
        const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate))!;
        expect(allowed.some((pattern) => pattern.test(target))).toBe(true);
        visit(target);
      }
    };
    visit(resolve(__dirname, '../verify-export.ts'));
    expect(seen.size).toBeGreaterThan(5);
  });
});
