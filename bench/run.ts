import { Command, InvalidArgumentError } from 'commander';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { openSqliteEventStore } from '@registry/event-store';
import { eventsFilePath } from '@registry/event-store/sqlite/schema';
import { loadDataset } from './dataset/load-dataset';
import { RegistryDataset } from './dataset/registry-dataset';
import { mergeReports, toJson, type BenchReport, type DatasetSummary } from './report/bench-report';
import { codeVersion } from './report/code-version';
import { describeMachine, loadNow } from './report/machine';
import { benchmarksMarkdown } from './report/markdown';
import { guarded, notBuiltYet, notMeasured, type BenchRow } from './rows/bench-row';
import { bulkImportRow } from './rows/bulk-import';
import { concurrentAppendsRow, sequentialAppendsRow } from './rows/durable-appends';
import { eventStoreDbRow } from './rows/eventstoredb-adapter';
import { ISSUE_ROWS, ROW_NUMBERS, type RowNumber } from './rows/issue-rows';
import { knownAtRow, replayAgreementRow, replayOfDirectory, replayQuestions } from './rows/record-time';
import { rebuildRow } from './rows/rebuild';
import { verificationPagesRow } from './rows/verification-pages';
import { appendsWithDerivationRow, partyWithdrawalRow } from './rows/recognition-changes';
import { appendsWithTreeRow, verifyAtStartRows } from './rows/transparency-log';
import { coldStartRow, memoryRow, recognitionOverHttpRow, startRegistry, type ServedContext, type StartedRegistry } from './rows/served-registry';
import { scaleChartPng } from './scale/scale-chart';
import { scalePoint, type ScalePoint, type ScaleReport } from './scale/scale-point';
import { count, seconds } from './support/figures';
import { findUp } from './support/find-up';

interface Options {
  n: number;
  seed: number;
  rounds: number;
  duration?: number;
  rows: RowNumber[];
  out?: string;
  markdown: boolean;
  keep: boolean;
  scale?: number[];
  merge: boolean;
}

function positiveInteger(value: string): number {
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('must be a positive whole number');
  return parsed;
}

function rowList(value: string): RowNumber[] {
  const rows = value.split(',').map((part) => Number(part.trim()));
  const unknown = rows.filter((row) => !(ROW_NUMBERS as readonly number[]).includes(row));
  if (unknown.length > 0) throw new InvalidArgumentError(`no row ${unknown.join(', ')}; rows are 1 to ${ROW_NUMBERS[ROW_NUMBERS.length - 1]}`);
  return rows as RowNumber[];
}

function sizeList(value: string): number[] {
  const sizes = value.split(',').map((part) => positiveInteger(part.trim()));
  if (sizes.length < 2) throw new InvalidArgumentError('give at least two sizes, e.g. 10000,100000');
  return [...new Set(sizes)].sort((a, b) => a - b);
}

const program = new Command('bench')
  .description('Measures the registry against baselines run in the same process and run; writes bench/results/latest.json and BENCHMARKS.md.')
  .option('--n <certificates>', 'certificates in the data set', positiveInteger, 1_000_000)
  .option('--seed <number>', 'seed of the data set', positiveInteger, 20_240_601)
  .option('--rounds <number>', 'interleaved rounds for the short rows (1, 2, 7; 3 below 200k certificates)', positiveInteger, 5)
  .option('--duration <seconds>', 'autocannon run length for row 4 (default 10 s, 5 s below 100k certificates)', positiveInteger)
  .option('--rows <list>', 'only these rows, e.g. 1,2,7', rowList, [...ROW_NUMBERS])
  .option('--out <file>', 'the JSON file of figures (default bench/results/latest.json)')
  .option('--no-markdown', 'leave BENCHMARKS.md alone')
  .option('--keep', 'keep the loaded data directory and the child logs', false)
  .option('--scale <sizes>', 'how cost grows: rows 3-6 at each size, e.g. 10000,100000,1000000 (writes bench/results/scale.json and .png)', sizeList)
  .option('--merge', 'keep the rows this run does not measure from the previous report (--out), each marked with the run it comes from', false);

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const resultsDir = (root: string): string => join(root, 'bench', 'results');
const SCALE_CHART = 'bench/results/scale.png';

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

/** BENCHMARKS.md from the last `--n` run and the last `--scale` run, whichever exist. */
function writeBenchmarks(root: string, latest: BenchReport | null): string {
  const scale = readJson<ScaleReport>(join(resultsDir(root), 'scale.json'));
  const markdown = benchmarksMarkdown(latest, scale === null ? null : { report: scale, chartPath: SCALE_CHART });
  writeFileSync(join(root, 'BENCHMARKS.md'), markdown);
  return markdown;
}

async function main(options: Options): Promise<void> {
  if (options.scale !== undefined) return scaleMain(options, options.scale);
  const started = performance.now();
  const loadAtStart = loadNow();
  const root = dirname(findUp(__dirname, 'package.json') ?? resolve('package.json'));
  const want = (row: RowNumber): boolean => options.rows.includes(row);
  const dataset = new RegistryDataset({ certificates: options.n, seed: options.seed });
  const rows = new Map<RowNumber, BenchRow>();
  const run = async (row: RowNumber, measure: () => Promise<BenchRow>): Promise<void> => {
    if (!want(row)) return;
    log(`row ${row}: ${ISSUE_ROWS[row].what}`);
    rows.set(row, await guarded(row, ISSUE_ROWS[row].what, ISSUE_ROWS[row].target, measure));
  };

  await run(1, () => concurrentAppendsRow(dataset, { rounds: options.rounds, log }));
  await run(2, () => sequentialAppendsRow(dataset, { rounds: options.rounds, log }));
  await run(7, () => eventStoreDbRow(dataset, options.rounds, log));
  await run(8, () => appendsWithTreeRow(dataset, { rounds: options.rounds, log }));
  // Row 10 of issue 18's table: its measurement is not written yet.
  await run(10, async () => notBuiltYet(10, ISSUE_ROWS[10].what, ISSUE_ROWS[10].target));
  await run(11, () => bulkImportRow(options.n, log));
  await run(15, async () => partyWithdrawalRow(options.n, log));
  await run(16, () => appendsWithDerivationRow(dataset, { rounds: options.rounds, log }));
  await run(17, () => verificationPagesRow(log));

  let summary: DatasetSummary | null = null;
  if ([3, 4, 5, 6, 9, 12, 13, 14].some((row) => want(row as RowNumber))) {
    const workDir = mkdtempSync(join(tmpdir(), 'registry-bench-'));
    try {
      summary = await servedAndRebuildRows(dataset, workDir, options, rows, want);
    } finally {
      if (options.keep) log(`kept ${workDir}`);
      else rmSync(workDir, { recursive: true, force: true });
    }
  }

  const report: BenchReport = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
    date: new Date().toISOString(),
    code: codeVersion(root),
    machine: describeMachine(loadAtStart),
    totalSeconds: (performance.now() - started) / 1000,
    dataset: summary,
    rows: ROW_NUMBERS.filter(want).map((row) => rows.get(row) ?? notMeasured(row, ISSUE_ROWS[row].what, ISSUE_ROWS[row].target, 'skipped')),
  };
  const out = resolve(root, options.out ?? join('bench', 'results', 'latest.json'));
  mkdirSync(dirname(out), { recursive: true });
  const written = options.merge && existsSync(out) ? mergeReports(JSON.parse(readFileSync(out, 'utf8')) as BenchReport, report) : report;
  writeFileSync(out, toJson(written));
  const markdown = options.markdown ? writeBenchmarks(root, written) : benchmarksMarkdown(written, null);
  process.stdout.write(`${markdown}\nFigures: ${out}${options.markdown ? `; table: ${join(root, 'BENCHMARKS.md')}` : ''}\n`);
}

/**
 * `--scale`: for each size, a fresh data set through the same steps as rows 3-6 of a `--n` run (load, first
 * start, row 4, rebuild, restart); then bench/results/scale.json, its chart, and BENCHMARKS.md's section.
 */
async function scaleMain(options: Options, sizes: number[]): Promise<void> {
  const started = performance.now();
  const root = dirname(findUp(__dirname, 'package.json') ?? resolve('package.json'));
  const measured: RowNumber[] = [3, 4, 5, 6];
  const want = (row: RowNumber): boolean => measured.includes(row);
  const points: ScalePoint[] = [];
  for (const certificates of sizes) {
    log(`scale: ${count(certificates)} certificates`);
    const dataset = new RegistryDataset({ certificates, seed: options.seed });
    const rows = new Map<RowNumber, BenchRow>();
    const workDir = mkdtempSync(join(tmpdir(), 'registry-bench-scale-'));
    try {
      // One round of row 4 and one rebuild per size: the sizes, not the rounds, are what this run compares.
      const summary = await servedAndRebuildRows(dataset, workDir, { ...options, rounds: 1 }, rows, want, { recognitionRounds: 1 });
      const point = scalePoint(summary, logBytes(join(workDir, 'data')), rows, loadNow());
      for (const row of rows.values()) if (row.kind === 'not-measured') log(`  row ${row.number} not measured: ${row.why}`);
      points.push(point);
    } finally {
      if (options.keep) log(`kept ${workDir}`);
      else rmSync(workDir, { recursive: true, force: true });
    }
  }
  const report: ScaleReport = {
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim().replace(/ --$/, ''),
    date: new Date().toISOString(),
    code: codeVersion(root),
    cores: describeMachine(0).cores,
    totalSeconds: (performance.now() - started) / 1000,
    points,
  };
  const out = resolve(root, options.out ?? join(resultsDir(root), 'scale.json'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(resultsDir(root), 'scale.png'), scaleChartPng(points));
  const markdown = options.markdown ? writeBenchmarks(root, readJson<BenchReport>(join(resultsDir(root), 'latest.json'))) : '';
  process.stdout.write(`${markdown.slice(markdown.indexOf('## How cost grows'))}\nFigures: ${out}; chart: ${join(root, SCALE_CHART)}\n`);
}

/** The event log's files (the SQLite file and its WAL) in bytes. */
function logBytes(dataDir: string): number {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith('events.sqlite3'))
    .reduce((sum, name) => sum + statSync(join(dataDir, name)).size, 0);
}

/** Loads the data set, then: first start of the registry (rows 5, 4), rebuild (row 3), restart (row 6). */
async function servedAndRebuildRows(
  dataset: RegistryDataset,
  workDir: string,
  options: Options,
  rows: Map<RowNumber, BenchRow>,
  want: (row: RowNumber) => boolean,
  settings: { recognitionRounds: number } = { recognitionRounds: 2 },
): Promise<DatasetSummary> {
  const dataDir = join(workDir, 'data');
  log(`loading ${count(dataset.size)} certificates into ${dataDir}`);
  const store = await openSqliteEventStore({ dataDir });
  let lastShown = 0;
  const loaded = await loadDataset(store, dataset, {
    onProgress: (done) => {
      if (done - lastShown >= dataset.size / 10 || done === dataset.size) {
        lastShown = done;
        log(`  ${count(done)} certificates`);
      }
    },
  }).finally(() => store.close());
  log(`  loaded ${count(loaded.events)} events in ${seconds(loaded.seconds)}`);
  const summary: DatasetSummary = {
    certificates: dataset.size,
    seed: dataset.options.seed,
    appends: loaded.appends,
    events: loaded.events,
    loadSeconds: loaded.seconds,
    loadEventsPerSecond: loaded.eventsPerSecond,
    byType: Object.fromEntries(Object.entries(loaded.byType).map(([type, n]) => [type, n ?? 0])),
    eventsFileBytes: statSync(eventsFilePath(dataDir)).size,
  };

  // Before the registry holds the directory: the tree is built over the loaded log, then verified (rows 13, 12).
  if (want(12) || want(13)) {
    log(`rows 13, 12: ${ISSUE_ROWS[13].what}`);
    const measured = await verifyAtStartRows(dataDir, log).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
    for (const row of [12, 13] as const) {
      if (!want(row)) continue;
      rows.set(row, typeof measured === 'string' ? notMeasured(row, ISSUE_ROWS[row].what, ISSUE_ROWS[row].target, measured) : measured[row]);
    }
  }

  const distRoot = resolve(__dirname, '..');
  const context: ServedContext = { dataset, dataDir, distRoot, logDir: workDir, log };

  // Row 14's replay reads the log before the registry holds the directory.
  const questions = want(14) ? replayQuestions(context) : [];
  const replay = want(14)
    ? await replayOfDirectory(dataDir, questions).catch((error: unknown) => (error instanceof Error ? error.message : String(error)))
    : null;
  const appBuilt = existsSync(join(distRoot, 'apps', 'registry', 'src', 'main.js'));
  const startTimeout = Math.max(120_000, dataset.size);
  const served = [4, 5, 6, 9, 14].some((row) => want(row as RowNumber));
  const skip = (row: RowNumber, why: string): void => {
    if (want(row) && !rows.has(row)) rows.set(row, notMeasured(row, ISSUE_ROWS[row].what, ISSUE_ROWS[row].target, why));
  };

  let first: StartedRegistry | null = null;
  if (served && !appBuilt) {
    for (const row of [4, 5, 6, 9, 14] as const) skip(row, `the app is not built at ${distRoot} (run through npm run bench)`);
  } else if (served) {
    try {
      log('rows 5, 4: first start of the registry on the loaded directory');
      first = await startRegistry(context, 'first-start', startTimeout);
    } catch (error) {
      const why = `the registry did not become ready: ${error instanceof Error ? error.message : String(error)}`;
      for (const row of [4, 5, 6, 9, 14] as const) skip(row, why);
    }
  }
  if (first !== null) {
    try {
      const duration = options.duration ?? (dataset.size >= 100_000 ? 10 : 5);
      const started = first;
      let afterLoad = null;
      if (want(4)) {
        log(`row 4: ${ISSUE_ROWS[4].what}`);
        rows.set(4, await guarded(4, ISSUE_ROWS[4].what, ISSUE_ROWS[4].target, () => recognitionOverHttpRow(context, started, { duration, warmup: 2, rounds: settings.recognitionRounds })));
        afterLoad = await first.child.memory().catch(() => null);
      }
      if (want(5)) rows.set(5, memoryRow(dataset.size, first.memoryWhenReady, afterLoad));
      if (want(9)) {
        log(`row 9: ${ISSUE_ROWS[9].what}`);
        rows.set(9, await guarded(9, ISSUE_ROWS[9].what, ISSUE_ROWS[9].target, () => knownAtRow(context, started, { duration, warmup: 2, rounds: 2 })));
      }
      if (want(14) && replay !== null) {
        log(`row 14: ${ISSUE_ROWS[14].what}`);
        rows.set(
          14,
          typeof replay === 'string'
            ? notMeasured(14, ISSUE_ROWS[14].what, ISSUE_ROWS[14].target, `the replay failed: ${replay}`)
            : await guarded(14, ISSUE_ROWS[14].what, ISSUE_ROWS[14].target, () => replayAgreementRow(context, started, replay, questions)),
        );
      }
    } finally {
      await first.child.stop();
    }
  }

  await runRow(rows, want, 3, () => rebuildRow(dataDir, dataset.size < 200_000 ? options.rounds : 1, log));

  if (first !== null && want(6)) {
    const firstStart = first;
    log('row 6: restart on the same directory');
    let restart: StartedRegistry | string;
    try {
      restart = await startRegistry(context, 'restart', startTimeout);
      await restart.child.stop();
    } catch (error) {
      restart = error instanceof Error ? error.message : String(error);
    }
    rows.set(6, coldStartRow(dataset.size, restart, firstStart));
  }
  return summary;
}

async function runRow(rows: Map<RowNumber, BenchRow>, want: (row: RowNumber) => boolean, row: RowNumber, measure: () => Promise<BenchRow>): Promise<void> {
  if (!want(row)) return;
  log(`row ${row}: ${ISSUE_ROWS[row].what}`);
  rows.set(row, await guarded(row, ISSUE_ROWS[row].what, ISSUE_ROWS[row].target, measure));
}

program
  .parseAsync()
  .then(() => main(program.opts<Options>()))
  .catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
