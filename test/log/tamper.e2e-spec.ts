import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TamperedLogError } from '@registry/tlog';
import { generateApiKey } from '../../apps/registry/src/auth';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { describeOnEmbeddedStore } from '../support/test-store';

type Row = { position: number; stream: string; revision: number; id: string; type: string; data: string; metadata: string; recorded_at: number };

/** What an auditor with file access could do to a copy of the data directory, with the registry stopped. */
function tamper(dataDir: string, change: (db: Database.Database, rows: Row[]) => void): void {
  const db = new Database(join(dataDir, 'events.sqlite3'));
  try {
    change(db, db.prepare('SELECT * FROM events ORDER BY position').all() as Row[]);
  } finally {
    db.close();
  }
}

describeOnEmbeddedStore('tamper detection at start, on copies of a real data directory', () => {
  let original: string;
  const copies: string[] = [];
  let rows: Row[];

  beforeAll(async () => {
    const adminKey = generateApiKey().secret;
    const registry = await startRegistry({ config: { adminKey } });
    for (const code of ['T-1', 'T-2', 'T-3', 'T-4', 'T-5']) {
      const answer = await registry.http.graphql('mutation($i: RegisterSchemeInput!) { registerScheme(input: $i) { position } }', { i: { code, title: code } }, { authorization: `Bearer ${adminKey}` });
      expect(answer.body.errors).toBeUndefined();
    }
    original = registry.dataDir;
    await registry.stop();
    tamper(original, (_db, all) => (rows = all));
  }, 60_000);

  afterAll(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
    if (original) rmSync(original, { recursive: true, force: true });
  });

  function copy(): string {
    const dir = mkdtempSync(join(tmpdir(), 'registry-tampered-'));
    copies.push(dir);
    cpSync(original, dir, { recursive: true });
    return dir;
  }

  async function refusal(dataDir: string): Promise<string> {
    const started = startRegistry({ dataDir });
    await expect(started).rejects.toThrow(TamperedLogError);
    return ((await started.catch((error: Error) => error)) as Error).message;
  }

  it('starts the untouched copy', async () => {
    const registry = await startRegistry({ dataDir: copy() });
    const health = await registry.http.get<{ status: string; log: { status: string; treeSize: number } }>('/health');
    await registry.stop();
    expect(health.body).toMatchObject({ status: 'up', log: { status: 'verified', treeSize: rows.length } });
  });

  it('refuses an edited event, naming its leaf, stream and revision', async () => {
    const dir = copy();
    const target = rows[3];
    tamper(dir, (db) => db.prepare('UPDATE events SET data = ? WHERE position = ?').run(target.data.replace('"T-', '"X-'), target.position));

    expect(await refusal(dir)).toContain(`leaf 3 (stream ${target.stream}, revision ${target.revision}) was changed`);
  });

  it('refuses a deleted event, naming the leaf that is gone', async () => {
    const dir = copy();
    const target = rows[2];
    tamper(dir, (db) => db.prepare('DELETE FROM events WHERE position = ?').run(target.position));

    expect(await refusal(dir)).toContain(`leaf 2 should be stream ${target.stream}, revision ${target.revision}, but the log holds stream ${rows[3].stream}`);
  });

  it('refuses two events swapped, naming the first', async () => {
    const dir = copy();
    const [a, b] = [rows[1], rows[4]];
    tamper(dir, (db) => {
      const move = db.prepare('UPDATE events SET stream = ?, revision = ?, id = ?, type = ?, data = ?, metadata = ? WHERE position = ?');
      db.transaction(() => {
        move.run('swap-temp', 0, a.id, a.type, a.data, a.metadata, a.position);
        move.run(a.stream, a.revision, a.id, a.type, a.data, a.metadata, b.position);
        move.run(b.stream, b.revision, b.id, b.type, b.data, b.metadata, a.position);
      })();
    });

    expect(await refusal(dir)).toContain(`leaf 1 should be stream ${a.stream}, revision ${a.revision}, but the log holds stream ${b.stream}`);
  });

  it('refuses an event appended outside the registry after it stopped', async () => {
    const dir = copy();
    const last = rows[rows.length - 1];
    tamper(dir, (db) =>
      db
        .prepare('INSERT INTO events (stream, revision, id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run('scheme-FORGED', 0, crypto.randomUUID(), last.type, last.data.replace('"T-', '"F-'), last.metadata, last.recorded_at),
    );

    expect(await refusal(dir)).toContain(`leaf ${rows.length} (stream scheme-FORGED, revision 0) was appended outside the registry`);
  });

  it('with --allow-tampered-log, serves the edited copy with /health degraded and every answer flagged, pages in words', async () => {
    const dir = copy();
    tamper(dir, (db) => db.prepare('UPDATE events SET data = ? WHERE position = ?').run(rows[3].data.replace('"T-', '"X-'), rows[3].position));

    const registry: RunningRegistry = await startRegistry({ dataDir: dir, config: { allowTamperedLog: true } });
    try {
      const health = await registry.http.get<{ status: string; log: { status: string; detail: string } }>('/health');
      expect(health.body).toMatchObject({ status: 'degraded', log: { status: 'tampered', detail: expect.stringContaining('leaf 3') } });
      const answer = await registry.http.graphql('{ checkpoint { treeSize } }');
      expect(answer.body.errors).toBeUndefined();
      expect(answer.headers.get('registry-log-status')).toBe('tampered');
      for (const [path, language, warning] of [
        ['/', 'en', "Warning: the registry's records may have been altered."],
        ['/verify/T-1?country=MY', 'th', 'คำเตือน: บันทึกของทะเบียนอาจถูกแก้ไข'],
        ['/verify/statement', 'vi', 'Cảnh báo: hồ sơ của cơ quan đăng ký có thể đã bị thay đổi.'],
      ]) {
        const page = await fetch(new URL(path, registry.baseUrl), { headers: { 'accept-language': language } });
        expect(page.headers.get('registry-log-status')).toBe('tampered');
        expect(await page.text()).toContain(`<div class="tampered" role="alert"><p><strong>${warning.replace("'", '&#39;')}</strong>`);
      }
    } finally {
      await registry.stop();
    }
  });
});
