import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { openSqliteEventStore, type EventStore, type RecordedEvent, type StreamAppend } from '@registry/event-store';
import { join } from 'node:path';
import { createRegistryApp } from '../../apps/registry/src/create-app';
import { EVENT_STORE } from '../../apps/registry/src/store';
import { READ_MODEL_PROGRESS, type ReadModelProgress } from '../../apps/registry/src/read/read-model-progress';
import { planImport } from '../../apps/registry/src/write/certificate-import/import-rows';
import { recordPlan } from '../../scripts/import/run-import';
import { IMPORT_SCHEME, importRows } from '../dataset/import-file';
import { writePathSeconds } from './bulk-import-write-path';
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

type ImportRun = { rows: number; events: RecordedEvent[]; seconds: number; caughtUpSeconds: number };

/** `npm run import`'s path, in this process: the app with its read side and log following, the plan recorded in batches. */
async function importRun(dataDir: string, certificates: number): Promise<ImportRun> {
  const app = await createRegistryApp({ dataDir, adminKey: ADMIN_KEY, logLevel: 'warn' });
  try {
    await app.init();
    const key = await setUp(app);
    const store = app.get<EventStore>(EVENT_STORE);
    const [last] = await store.readAll({ direction: 'backwards', maxCount: 1 });
    const plan = planImport({ rows: importRows(certificates), problems: [] }, CB);
    collectGarbage();
    const started = performance.now();
    const summary = await recordPlan(app, plan, { key });
    const imported = (performance.now() - started) / 1000;
    if (summary.refused > 0 || summary.written !== summary.rows) throw new Error(`the import wrote ${summary.written} of ${summary.rows} rows (${summary.refused} refused)`);
    const events = await store.readAll({ fromPosition: (last?.position ?? 0n) + 1n });
    await app.get<ReadModelProgress>(READ_MODEL_PROGRESS).waitFor(events[events.length - 1].position, 600_000);
    const caughtUp = (performance.now() - started) / 1000;
    return { rows: summary.rows, events, seconds: imported, caughtUpSeconds: caughtUp };
  } finally {
    await app.close();
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
    const ours = await importRun(join(dir, 'import'), certificates);
    const eventsPerSecond = ours.events.length / ours.seconds;
    log(`  row ${label.number}: imported ${count(certificates)} certificates (${count(ours.rows)} rows, ${count(ours.events.length)} events) in ${seconds(ours.seconds)}`);
    const rawSeconds = await rawRun(join(dir, 'raw'), ours.events, Math.round(ours.events.length / Math.ceil(ours.rows / 1000)));
    const rawPerSecond = ours.events.length / rawSeconds;
    const ofRaw = eventsPerSecond / rawPerSecond;
    log(`  row ${label.number}: raw append of the same events in ${seconds(rawSeconds)}`);
    const alone = await writePathSeconds(join(dir, 'write-path'), CB, planImport({ rows: importRows(certificates), problems: [] }, CB).certificates);
    const aloneOfRaw = ours.events.length / alone / rawPerSecond;
    log(`  row ${label.number}: the write path alone (nothing following the log) in ${seconds(alone)}`);
    const judged = certificates === 100_000;
    const verdict: Verdict = !judged ? 'not judged' : ofRaw >= 0.5 && ours.seconds < 60 ? 'met' : 'MISSED';
    return {
      kind: 'measured',
      number: label.number,
      what: label.what,
      ours: `${seconds(ours.seconds)} for ${count(certificates)} certificates (${rate(ours.rows / ours.seconds, 'rows/s')}, ${rate(eventsPerSecond, 'events/s')})`,
      baseline: `raw append ${rate(rawPerSecond, 'events/s')} (${seconds(rawSeconds)})`,
      ratio: `${percent(ofRaw)}; write path alone ${percent(aloneOfRaw)}`,
      target: label.target,
      verdict,
      notes: [
        `ours: \`npm run import\`'s path in process (recordPlan): every row checked, then batches of whole certificates (≤ 1,000 rows), each decided row by row with the deciders and appended in one appendToStreams (one transaction, one fsync), two batches in flight; the app's read side and transparency log follow the log meanwhile`,
        `read models caught up ${seconds(ours.caughtUpSeconds)} after the start of the import`,
        `the write path alone (CommandBus, batch handler and store in a Nest context, nothing following the log): ${seconds(alone)}, ${rate(ours.events.length / alone, 'events/s')}`,
        `raw: the ${count(ours.events.length)} events the import recorded, appended to a fresh embedded store with appendToStreams in groups of the same size, two in flight, WAL + synchronous=FULL`,
      ],
      figures: { certificates, rows: ours.rows, events: ours.events.length, seconds: ours.seconds, eventsPerSecond, rawPerSecond, rawSeconds, ofRaw, caughtUpSeconds: ours.caughtUpSeconds, writePathSeconds: alone, writePathOfRaw: aloneOfRaw },
    };
  });
}
