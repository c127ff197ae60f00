import { readFileSync, writeFileSync } from 'node:fs';
import type { Actor } from '@registry/domain';
import { SingleBar } from 'cli-progress';
import { stringify } from 'csv-stringify/sync';
import { CertificateImport, MAX_IMPORT_ROWS, problemRow, type ImportedRow } from '../../apps/registry/src/write/certificate-import/certificate-import';
import { planImport, readCsv, readJsonLines, type ImportPlan, type PlannedRow, type RowProblem } from '../../apps/registry/src/write/certificate-import/import-rows';

export type ImportOptions = {
  /** The importing CB's key's holder (see import-key.ts). */
  actor: Actor;
  /** Rows per batch (whole certificates; at most MAX_IMPORT_ROWS). */
  batchRows?: number;
  /** Batches in flight: while one is committed (on the store's writer thread) the next is decided. */
  lanes?: number;
  /** A progress bar on stderr (rows/s, ETA) on a terminal; elsewhere (logs, CI) a line every 5 % on `log`. */
  progress?: boolean;
  log?: (line: string) => void;
};

export type ImportSummary = { rows: number; written: number; skipped: number; refused: number; bad: number; seconds: number; outcomes: ImportedRow[] };

export function readPlan(file: string, cbId: string): ImportPlan {
  const text = readFileSync(file, 'utf8');
  const read = /\.(jsonl|ndjson)$/i.test(file) ? readJsonLines(text) : readCsv(text);
  return planImport(read, cbId);
}

export function describeProblem(problem: RowProblem): string {
  return `line ${problem.line}${problem.column ? `, column ${problem.column}` : ''}: ${problem.reason}`;
}

/** Whole certificates, in file order, up to `size` rows a batch (a longer history goes alone). */
function batchesOf(certificates: PlannedRow[][], size: number): PlannedRow[][] {
  const batches: PlannedRow[][] = [];
  let current: PlannedRow[] = [];
  for (const rows of certificates) {
    if (current.length > 0 && current.length + rows.length > size) {
      batches.push(current);
      current = [];
    }
    current.push(...rows);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Records a plan's rows on the bulk write path (CertificateImport, as `importCertificates` does): batches of whole
 * certificates, a few in flight. Re-running sends the same command ids, so what an earlier run recorded is
 * answered as skipped.
 */
export async function recordPlan(recorder: CertificateImport, plan: ImportPlan, options: ImportOptions): Promise<ImportSummary> {
  const { actor } = options;
  const outcomes: ImportedRow[] = plan.problems.map((problem) => problemRow(problem));
  const batches = batchesOf(plan.certificates, Math.min(options.batchRows ?? MAX_IMPORT_ROWS, MAX_IMPORT_ROWS));
  const total = batches.reduce((sum, rows) => sum + rows.length, 0);
  const started = Date.now();
  const bar = options.progress
    ? new SingleBar({ format: 'Importing |{bar}| {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}', hideCursor: true, etaBuffer: 20 })
    : null;
  bar?.start(total, 0, { speed: '0' });
  let done = 0;
  let reported = 0;
  const step = Math.max(1, Math.ceil(total / 20));
  const advance = (rows: number): void => {
    done += rows;
    const perSecond = done / Math.max((Date.now() - started) / 1000, 0.001);
    bar?.update(done, { speed: perSecond.toFixed(0) });
    if (bar === null && options.log && (done - reported >= step || done === total)) {
      reported = done;
      options.log(`progress ${done}/${total} rows (${perSecond.toFixed(0)} rows/s, ETA ${Math.round((total - done) / perSecond)} s)`);
    }
  };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < batches.length) {
      const batch = batches[next++];
      const recorded = await recorder.record(actor, batch, { readYourWrites: false });
      outcomes.push(...recorded.rows);
      advance(batch.length);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.lanes ?? 2) }, lane));
  } finally {
    bar?.stop();
  }
  outcomes.sort((a, b) => a.line - b.line);
  const count = (kind: ImportedRow['outcome']): number => outcomes.filter((outcome) => outcome.outcome === kind).length;
  const seconds = (Date.now() - started) / 1000;
  return { rows: plan.rows, written: count('WRITTEN'), skipped: count('SKIPPED'), refused: count('REFUSED'), bad: plan.problems.length, seconds, outcomes };
}

export function writeReport(file: string, outcomes: readonly ImportedRow[]): void {
  writeFileSync(file, stringify([...outcomes], { header: true, columns: ['line', 'number', 'event', 'outcome', 'reason', 'field', 'detail'] }));
}
