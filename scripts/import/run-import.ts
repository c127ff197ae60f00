import { readFileSync, writeFileSync } from 'node:fs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SingleBar } from 'cli-progress';
import { stringify } from 'csv-stringify/sync';
import { planImport, readCsv, readJsonLines, type ImportPlan, type PlannedRow, type RowProblem } from './import-rows';

export type ImportOptions = {
  /** The importing CB's CERTIFICATION_BODY key. */
  key: string;
  /** Certificates recorded side by side (each one's rows in order). */
  lanes?: number;
  /** A progress bar on stderr (rows/s, ETA) on a terminal; elsewhere (logs, CI) a line every 5 % on `log`. */
  progress?: boolean;
  log?: (line: string) => void;
};

export type RowOutcome = { line: number; number: string; event: string; outcome: 'WRITTEN' | 'SKIPPED' | 'REFUSED'; detail: string };

export type ImportSummary = { rows: number; written: number; skipped: number; refused: number; bad: number; seconds: number; outcomes: RowOutcome[] };

export function readPlan(file: string, cbId: string): ImportPlan {
  const text = readFileSync(file, 'utf8');
  const read = /\.(jsonl|ndjson)$/i.test(file) ? readJsonLines(text) : readCsv(text);
  return planImport(read, cbId);
}

export function describeProblem(problem: RowProblem): string {
  return `line ${problem.line}${problem.column ? `, column ${problem.column}` : ''}: ${problem.reason}`;
}

type MutationAnswer = { data?: Record<string, { replayed: boolean }> | null; errors?: { message: string; extensions?: { code?: string; rule?: string } }[] };

/** One row through the API, exactly as a client would send it (auth, limits, validation, the command pipeline). */
async function send(app: NestFastifyApplication, key: string, row: PlannedRow): Promise<RowOutcome> {
  const query = `mutation($input: ${row.mutation[0].toUpperCase()}${row.mutation.slice(1)}Input!) { ${row.mutation}(input: $input) { replayed } }`;
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    payload: JSON.stringify({ query, variables: { input: row.input } }),
  });
  const body = response.json<MutationAnswer>();
  const base = { line: row.line, number: row.number, event: row.event };
  const error = body.errors?.[0];
  if (error !== undefined) {
    const code = [error.extensions?.code, error.extensions?.rule].filter(Boolean).join('/');
    return { ...base, outcome: 'REFUSED', detail: `${code}: ${error.message}` };
  }
  const replayed = body.data?.[row.mutation]?.replayed === true;
  return { ...base, outcome: replayed ? 'SKIPPED' : 'WRITTEN', detail: replayed ? 'already recorded by an earlier run' : '' };
}

/**
 * Records a plan's rows through the app: certificates side by side in `lanes`, each certificate's rows in order,
 * a refused row stopping the rest of its certificate (they rest on it). Re-running sends the same command ids,
 * so what an earlier run recorded is answered as replayed and counted as skipped.
 */
export async function recordPlan(app: NestFastifyApplication, plan: ImportPlan, options: ImportOptions): Promise<ImportSummary> {
  const outcomes: RowOutcome[] = plan.problems.map((problem) => ({ line: problem.line, number: '', event: '', outcome: 'REFUSED', detail: describeProblem(problem) }));
  const total = plan.certificates.reduce((sum, rows) => sum + rows.length, 0);
  const started = Date.now();
  const bar = options.progress
    ? new SingleBar({ format: 'Importing |{bar}| {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}', hideCursor: true, etaBuffer: 200 })
    : null;
  bar?.start(total, 0, { speed: '0' });
  let done = 0;
  const step = Math.max(1, Math.ceil(total / 20));
  const tick = (): void => {
    done += 1;
    const perSecond = done / Math.max((Date.now() - started) / 1000, 0.001);
    bar?.update(done, { speed: perSecond.toFixed(0) });
    if (bar === null && options.log && (done % step === 0 || done === total)) {
      options.log(`progress ${done}/${total} rows (${perSecond.toFixed(0)} rows/s, ETA ${Math.round((total - done) / perSecond)} s)`);
    }
  };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < plan.certificates.length) {
      const rows = plan.certificates[next++];
      let stopped: number | null = null;
      for (const row of rows) {
        const outcome =
          stopped === null
            ? await send(app, options.key, row)
            : { line: row.line, number: row.number, event: row.event, outcome: 'REFUSED' as const, detail: `follows line ${stopped}, which was refused` };
        if (outcome.outcome === 'REFUSED' && stopped === null) stopped = row.line;
        outcomes.push(outcome);
        tick();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, options.lanes ?? 8) }, lane));
  } finally {
    bar?.stop();
  }
  outcomes.sort((a, b) => a.line - b.line);
  const count = (kind: RowOutcome['outcome']): number => outcomes.filter((outcome) => outcome.outcome === kind).length;
  const seconds = (Date.now() - started) / 1000;
  return { rows: plan.rows, written: count('WRITTEN'), skipped: count('SKIPPED'), refused: count('REFUSED'), bad: plan.problems.length, seconds, outcomes };
}

export function writeReport(file: string, outcomes: readonly RowOutcome[]): void {
  writeFileSync(file, stringify([...outcomes], { header: true, columns: ['line', 'number', 'event', 'outcome', 'detail'] }));
}
