import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { certificateStream } from '@registry/domain';
import type { EventStore } from '@registry/event-store';
import { EVENT_STORE } from '../../apps/registry/src/store';
import { spawnTypeScript } from '../hostile/support/typescript-child';
import { graphql } from '../hostile/support/graphql-calls';
import { startRegistry } from '../support/in-process-registry';
import { describeOnEmbeddedStore } from '../support/test-store';

/** Lean by default; `IMPORT_E2E_CERTIFICATES=10000` runs the 10,000 certificates. */
const CERTIFICATES = Number(process.env.IMPORT_E2E_CERTIFICATES ?? 100);
const ADMIN_KEY = 'import-suite-admin-key-0123456789abcdef';
const PS = 'APO-PS 101:2023';
const CB = 'th-import';
const HEADER = 'number,event,date,schemeCode,holderName,validUntil,reason';

type Generated = { csv: string; bad: number[]; good: Map<string, number>; rows: number };

/** Certificates with histories of one to three rows; 1 % of the rows are bad, each on a certificate of its own. */
function generate(count: number): Generated {
  const lines = [HEADER];
  const good = new Map<string, number>();
  const bad: number[] = [];
  const singles: number[] = [];
  for (let i = 0; i < count; i++) {
    const number = `TH-IMP-${String(i).padStart(6, '0')}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const rows = [`${number},ISSUED,2024-01-${day},${PS},Holder ${i},2027-12-31,`];
    if (i % 4 === 0) rows.push(`${number},SUSPENDED,2025-01-10,,,,complaint`, `${number},REINSTATED,2025-02-10,,,,dismissed`);
    if (i % 4 === 1) rows.push(`${number},RENEWED,2026-06-01,,,2029-06-01,`);
    if (i % 4 === 2) rows.push(`${number},WITHDRAWN,2025-03-01,,,,breach`);
    if (i % 4 === 3) singles.push(lines.length + 1);
    lines.push(...rows);
    good.set(number, rows.length);
  }
  const rows = lines.length - 1;
  const corruptions = [
    (line: string) => line.replace(/2024-01-\d\d/, '2024-02-30'),
    (line: string) => line.replace('Holder', 'Hol\u0007der'),
    (line: string) => line.replace(',ISSUED,', ',ISSUE,'),
  ];
  const wanted = Math.round(rows / 100);
  const step = Math.floor(singles.length / wanted);
  for (let k = 0; k < wanted; k++) {
    const line = singles[k * step];
    lines[line - 1] = corruptions[k % corruptions.length](lines[line - 1]);
    good.delete(lines[line - 1].split(',')[0]);
    bad.push(line);
  }
  return { csv: `${lines.join('\n')}\n`, bad, good, rows };
}

type Run = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

function runImport(dataDir: string, args: string[], killAt?: (line: string) => boolean): Promise<Run> {
  const child: ChildProcess = spawnTypeScript(resolve(__dirname, 'support/import-child.ts'), {
    REGISTRY_DATA_DIR: dataDir,
    IMPORT_ARGS: JSON.stringify(args),
    LOG_LEVEL: 'silent',
  });
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (killAt && stdout.split('\n').some(killAt)) child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((done) => child.once('close', (code, signal) => done({ code, signal, stdout, stderr })));
}

describeOnEmbeddedStore('npm run import: a CB loads its certificates with their history', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-import-'));
  const file = join(dataDir, '..', `${dataDir.split('/').pop()}-certificates.csv`);
  const generated = generate(CERTIFICATES);
  let cbKey = '';

  beforeAll(async () => {
    writeFileSync(file, generated.csv);
    const registry = await startRegistry({ dataDir, config: { adminKey: ADMIN_KEY } });
    try {
      const send = async (name: string, type: string, input: Record<string, unknown>) => {
        const answer = await graphql(registry.http, `mutation($input: ${type}!) { result: ${name}(input: $input) { __typename } }`, { input }, ADMIN_KEY);
        expect(answer.errors).toEqual([]);
      };
      await send('registerScheme', 'RegisterSchemeInput', { code: PS, title: 'Productivity Specialist' });
      await send('accreditCertificationBody', 'AccreditCertificationBodyInput', {
        cbId: CB, name: 'Import test body', country: 'TH', scope: [PS], accreditedOn: '2023-01-01', validUntil: '2030-12-31',
      });
      const created = await graphql(registry.http, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }', {
        input: { role: 'CERTIFICATION_BODY', cbId: CB, label: 'importer' },
      }, ADMIN_KEY);
      expect(created.errors).toEqual([]);
      cbKey = String((created.data as { createApiKey: { key: string } }).createApiKey.key);
    } finally {
      // stop, not cleanup: the data directory stays for the import.
      await registry.stop();
    }
  }, 60_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(file, { force: true });
    rmSync(`${file}.report.csv`, { force: true });
  });

  it('a dry run lists exactly the bad rows, with line, column and reason, and writes nothing', async () => {
    const run = await runImport(dataDir, ['--cb', CB, '--key', cbKey, '--dry-run', file]);
    expect(run.stderr).toBe('');
    const listed = [...run.stdout.matchAll(/^bad row: line (\d+), column (\w+): .+$/gm)].map((match) => Number(match[1]));
    expect(listed).toEqual(generated.bad);
    expect(run.stdout).toContain(`dry run: ${generated.rows} rows read, ${generated.rows - generated.bad.length} valid, ${generated.bad.length} bad; nothing written`);
    expect(run.code).toBe(1);
  }, 60_000);

  it('refuses a key the API would refuse, with the API\'s message, before writing anything', async () => {
    const wrong = `${cbKey.slice(0, -4)}${cbKey.endsWith('aaaa') ? 'bbbb' : 'aaaa'}`;
    const run = await runImport(dataDir, ['--cb', CB, '--key', wrong, file]);
    expect({ code: run.code, stderr: run.stderr.trim(), written: /rows written/.test(run.stdout) }).toEqual({ code: 1, stderr: 'npm run import: Unknown API key', written: false });
    const admin = await runImport(dataDir, ['--cb', CB, '--key', ADMIN_KEY, file]);
    expect({ code: admin.code, stderr: admin.stderr.trim() }).toEqual({ code: 1, stderr: 'npm run import: A ACCREDITATION_BODY key may not IssueCertificate' });
  }, 60_000);

  it.each([
    ['--batch', 'ten'],
    ['--batch', '0'],
    ['--batch', '1001'],
    ['--lanes', '1.5'],
    ['--lanes', '0'],
  ])('refuses %s %s as a usage error, before writing anything', async (option, value) => {
    const run = await runImport(dataDir, ['--cb', CB, '--key', cbKey, option, value, file]);
    expect({ code: run.code, usage: run.stderr.startsWith('usage: npm run import'), written: /rows written/.test(run.stdout) }).toEqual({ code: 2, usage: true, written: false });
  }, 60_000);

  it('killed half-way and run again, it writes exactly the good rows, once each, and says what it skipped', async () => {
    const good = generated.rows - generated.bad.length;
    const half = (line: string) => /^progress (\d+)\//.test(line) && Number(/^progress (\d+)\//.exec(line)![1]) >= good / 2;
    // About 20 batches, so that the kill lands between two of them whatever the size.
    const batch = String(Math.min(1000, Math.max(10, Math.ceil(good / 20))));
    const killed = await runImport(dataDir, ['--cb', CB, '--key', cbKey, '--batch', batch, file], half);
    expect({ signal: killed.signal, stderr: killed.stderr }).toEqual({ signal: 'SIGKILL', stderr: '' });

    const rerun = await runImport(dataDir, ['--cb', CB, '--key', cbKey, '--batch', batch, file]);
    expect(rerun.stderr).toBe('');
    const summary = /(\d+) rows written, (\d+) skipped \(already recorded by an earlier run\), (\d+) refused \((\d+) bad rows\)/.exec(rerun.stdout);
    expect(summary).not.toBeNull();
    const [written, skipped, refused, bad] = summary!.slice(1).map(Number);
    const report = readFileSync(`${file}.report.csv`, 'utf8');
    const refusals = report.split('\n').filter((line) => /,REFUSED,/.test(line));
    expect({ total: written + skipped, refused, bad, refusals: refusals.length }).toEqual({
      total: good,
      refused: generated.bad.length,
      bad: generated.bad.length,
      refusals: generated.bad.length,
    });
    expect(skipped).toBeGreaterThanOrEqual(Math.floor(good / 2) - 8);
    expect(written).toBeGreaterThan(0);

    // The import ran with nothing following the log: the next start checks the log, brings the tree, its signed
    // checkpoint and the read models up to date. Every certificate holds exactly its good rows, once.
    const registry = await startRegistry({ dataDir, config: { adminKey: ADMIN_KEY } });
    try {
      const health = (await registry.http.get<{ status: string; log: { status: string; treeSize: number; checkpointSize: number } }>('/health')).body;
      expect(health.log.status).toBe('verified');
      expect(health.log.treeSize).toBe(health.log.checkpointSize);
      const store = registry.app.get<EventStore>(EVENT_STORE);
      const counts = new Map<string, number>();
      for (const number of generated.good.keys()) counts.set(number, (await store.readStream(certificateStream(number), { maxCount: 100 })).length);
      expect(counts).toEqual(generated.good);
      const certificate = await graphql(registry.http, 'query { certificate(number: "TH-IMP-000000", asOf: "2025-01-15") { status holderName } }');
      expect(certificate.data).toEqual({ certificate: { status: 'SUSPENDED', holderName: 'Holder 0' } });
    } finally {
      await registry.cleanup();
    }
  }, 240_000);
});
