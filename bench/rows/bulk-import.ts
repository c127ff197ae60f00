import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { openSqliteEventStore, type EventStore, type RecordedEvent, type StreamAppend } from '@registry/event-store';
import { stringify } from 'csv-stringify/sync';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRegistryApp } from '../../apps/registry/src/create-app';
import { EVENT_STORE } from '../../apps/registry/src/store';
import { READ_MODEL_PROGRESS, type ReadModelProgress } from '../../apps/registry/src/read/read-model-progress';
import { TRANSPARENCY_LOG } from '../../apps/registry/src/transparency/transparency-log.token';
import { IMPORT_COLUMNS } from '../../apps/registry/src/write/certificate-import/import-rows';
import type { TransparencyLog } from '@registry/tlog';
import { IMPORT_SCHEME, importRows } from '../dataset/import-file';
import { collectGarbage } from '../support/collect-garbage';
import { count, percent, rate, seconds } from '../support/figures';
import { withTempDir } from '../support/temp-dir';
import type { BenchRow, Verdict } from './bench-row';
import { ISSUE_ROWS } from './issue-rows';

const label = { number: 11, ...ISSUE_ROWS[11] };

const ADMIN_KEY = 'bench-bulk-import-admin-key-0123456789';
const CB = 'th-bulk';

async function graphql(app: NestFastifyApplication, key: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, payload: JSON.stringify({ query, variables }) });
  const body = response.json<{ data?: Record<string, unknown>; errors?: { message: string }[] }>();
  if (body.errors?.length) throw new Error(`bench set-up: ${body.errors[0].message}`);
  return body.data ?? {};
}

/** A scheme, an accredited CB and its CERTIFICATION_BODY key, through the API: what an import needs first. */
async function setUp(app: NestFastifyApplication): Promise<string> {
  await graphql(app, ADMIN_KEY, 'mutation($input: RegisterSchemeInput!) { registerScheme(input: $input) { replayed } }', { input: { code: IMPORT_SCHEME, title: 'Productivity Specialist' } });
  await graphql(app, ADMIN_KEY, 'mutation($input: AccreditCertificationBodyInput!) { accreditCertificationBody(input: $input) { replayed } }', {
    input: { cbId: CB, name: 'Bulk import body', country: 'TH', scope: [IMPORT_SCHEME], accreditedOn: '2023-01-01', validUntil: '2030-12-31' },
  });
  const created = await graphql(app, ADMIN_KEY, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }', { input: { role: 'CERTIFICATION_BODY', cbId: CB, label: 'bulk import' } });
  return String((created.createApiKey as { key: string }).key);
}

type ImportRun = { rows: number; events: RecordedEvent[]; seconds: number; writeSeconds: number; readySeconds: number; caughtUpSeconds: number };

/** The registry once, to set up what an import needs; stopped, as `npm run import` wants it. */
async function prepare(dataDir: string): Promise<string> {
  const app = await createRegistryApp({ dataDir, adminKey: ADMIN_KEY, logLevel: 'warn' });
  try {
    await app.init();
    return await setUp(app);
  } finally {
    await app.close();
  }
}

/** How `npm run import` runs node (package.json): a young generation big enough for a batch's short-lived objects. */
const IMPORT_NODE_FLAGS = ['--max-semi-space-size=64'];

/** `npm run import` itself, in a child process, timed from its start to its exit. */
function runImportCli(dataDir: string, key: string, file: string): Promise<{ seconds: number; stdout: string }> {
  const started = performance.now();
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [...IMPORT_NODE_FLAGS, join(__dirname, '../../scripts/import.js'), '--cb', CB, '--key', key, '--report', `${file}.report.csv`, file],
      { env: { ...process.env, REGISTRY_DATA_DIR: dataDir }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const seconds = (performance.now() - started) / 1000;
        if (error) fail(new Error(`npm run import failed: ${stderr || stdout || error.message}`));
        else done({ seconds, stdout });
      },
    );
  });
}

/**
 * `npm run import` of a CSV file of `certificates` certificates, timed from the process's start to its exit
 * (reading and checking the file included), then the registry's next start timed until it is ready and until its
 * read models and tree have caught up with the import.
 */
async function importRun(dir: string, certificates: number): Promise<ImportRun> {
  const dataDir = join(dir, 'data');
  const key = await prepare(dataDir);
  const file = join(dir, 'certificates.csv');
  const rows = importRows(certificates);
  writeFileSync(file, stringify(rows, { header: true, columns: [...IMPORT_COLUMNS] }));
  const [before] = await readLast(dataDir);
  collectGarbage();
  const run = await runImportCli(dataDir, key, file);
  const written = /: (\d+) rows written, 0 skipped .*, 0 refused .* in ([\d.]+) s/.exec(run.stdout);
  if (written === null || Number(written[1]) !== rows.length) throw new Error(`the import did not write every row: ${run.stdout.trim().split('\n').pop()}`);
  // The registry's next start: ready when init returns (log checked, tree caught up, signed); then the read models.
  collectGarbage();
  const restarted = performance.now();
  const app = await createRegistryApp({ dataDir, adminKey: ADMIN_KEY, logLevel: 'warn' });
  try {
    await app.init();
    const ready = (performance.now() - restarted) / 1000;
    const store = app.get<EventStore>(EVENT_STORE);
    const events = await store.readAll({ fromPosition: before + 1n });
    const end = events[events.length - 1].position;
    await Promise.all([app.get<ReadModelProgress>(READ_MODEL_PROGRESS).waitFor(end, 600_000), app.get<TransparencyLog>(TRANSPARENCY_LOG).waitFor(end)]);
    const caughtUp = (performance.now() - restarted) / 1000;
    return { rows: rows.length, events, seconds: run.seconds, writeSeconds: Number(written[2]), readySeconds: ready, caughtUpSeconds: caughtUp };
  } finally {
    await app.close();
  }
}

/** The log's last position before the import. */
async function readLast(dataDir: string): Promise<[bigint]> {
  const store = await openSqliteEventStore({ dataDir });
  try {
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    return [last?.position ?? 0n];
  } finally {
    await store.close();
  }
}

/** The same events appended straight to a fresh store: the same streams and groups, two groups in flight. */
async function rawRun(dataDir: string, events: RecordedEvent[], groupSize: number): Promise<number> {
  const groups: StreamAppend[][] = [];
  for (let start = 0; start < events.length; start += groupSize) {
    const group: StreamAppend[] = [];
    for (const event of events.slice(start, start + groupSize)) {
      const previous = group[group.length - 1];
      const data = { id: event.id, type: event.type, data: event.data, metadata: event.metadata };
      if (previous?.stream === event.stream) previous.events.push(data);
      else group.push({ stream: event.stream, events: [data], expectedRevision: event.revision === 0n ? 'no_stream' : event.revision - 1n });
    }
    groups.push(group);
  }
  const store = await openSqliteEventStore({ dataDir });
  try {
    collectGarbage();
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < groups.length) await store.appendToStreams(groups[next++]);
    };
    const started = performance.now();
    await Promise.all([lane(), lane()]);
    return (performance.now() - started) / 1000;
  } finally {
    await store.close();
  }
}

/**
 * Row 11, issue 18's "bulk import of 100,000 certificates (CB operations issue) vs raw append of the same events":
 * `npm run import`'s path against the store's own multi-stream append of the very events it recorded.
 */
export async function bulkImportRow(certificates: number, log: (line: string) => void): Promise<BenchRow> {
  return withTempDir('bulk-import', async (dir) => {
    const ours = await importRun(dir, certificates);
    const eventsPerSecond = ours.events.length / ours.seconds;
    log(`  row ${label.number}: imported ${count(certificates)} certificates (${count(ours.rows)} rows, ${count(ours.events.length)} events) in ${seconds(ours.seconds)}`);
    const rawSeconds = await rawRun(join(dir, 'raw'), ours.events, Math.round(ours.events.length / Math.ceil(ours.rows / 1000)));
    const rawPerSecond = ours.events.length / rawSeconds;
    const ofRaw = eventsPerSecond / rawPerSecond;
    log(`  row ${label.number}: raw append of the same events in ${seconds(rawSeconds)}`);
    log(`  row ${label.number}: the next start was ready in ${seconds(ours.readySeconds)}, its read models caught up in ${seconds(ours.caughtUpSeconds)}`);
    const judged = certificates === 100_000;
    const verdict: Verdict = !judged ? 'not judged' : ofRaw >= 0.5 && ours.seconds < 60 ? 'met' : 'MISSED';
    return {
      kind: 'measured',
      number: label.number,
      what: label.what,
      ours: `${seconds(ours.seconds)} for ${count(certificates)} certificates (${rate(ours.rows / ours.seconds, 'rows/s')}, ${rate(eventsPerSecond, 'events/s')})`,
      baseline: `raw append ${rate(rawPerSecond, 'events/s')} (${seconds(rawSeconds)})`,
      ratio: `${percent(ofRaw)}; its writing alone ${percent(ours.events.length / ours.writeSeconds / rawPerSecond)}`,
      target: label.target,
      verdict,
      notes: [
        `ours: \`npm run import\` itself (node ${IMPORT_NODE_FLAGS.join(' ')} dist/scripts/import.js), from its start to its exit, the CSV file read and every row checked included: the registry's write path alone (CommandBus, batch handler and store; no read models, tree or notifier — the registry is stopped during an import), the key checked from its own events in the log, batches of whole certificates (≤ 1,000 rows, their target streams read in one query) each decided row by row with the deciders and appended in one appendToStreams (one transaction, one fsync), two batches in flight`,
        `of which writing (the batches recorded, as the import reports it; reading and checking the file and starting node take the rest): ${seconds(ours.writeSeconds)}, ${rate(ours.events.length / ours.writeSeconds, 'events/s')}`,
        `what the registry's next start then costs: ready (the log checked, the import's events hashed into the tree and signed) ${seconds(ours.readySeconds)} after it began, its read models caught up ${seconds(ours.caughtUpSeconds)} after it began`,
        `raw: the ${count(ours.events.length)} events the import recorded, appended to a fresh embedded store with appendToStreams in groups of the same size, two in flight, WAL + synchronous=FULL`,
      ],
      figures: { certificates, rows: ours.rows, events: ours.events.length, seconds: ours.seconds, eventsPerSecond, rawPerSecond, rawSeconds, ofRaw, writeSeconds: ours.writeSeconds, readySeconds: ours.readySeconds, caughtUpSeconds: ours.caughtUpSeconds },
    };
  });
}
