import type { BenchRow } from '../rows/bench-row';
import type { Machine } from './machine';

export interface DatasetSummary {
  certificates: number;
  seed: number;
  appends: number;
  events: number;
  loadSeconds: number;
  loadEventsPerSecond: number;
  byType: Record<string, number>;
  eventsFileBytes: number;
}

export interface BenchReport {
  command: string;
  date: string;
  /** The commit measured (see code-version.ts). */
  code: string;
  machine: Machine;
  totalSeconds: number;
  dataset: DatasetSummary | null;
  rows: BenchRow[];
}

/** The row as the table shows it: five cells, a "not measured" row says why in place of its figures. */
export function cells(row: BenchRow): { ours: string; baseline: string; ratio: string; target: string; verdict: string } {
  switch (row.kind) {
    case 'measured':
      return { ours: row.ours, baseline: row.baseline, ratio: row.ratio, target: row.target, verdict: row.verdict };
    case 'not-measured':
      return { ours: `not measured: ${row.why}`, baseline: '—', ratio: '—', target: row.target, verdict: 'not measured' };
    default: {
      const unknown: never = row;
      throw new Error(`unknown row ${JSON.stringify(unknown)}`);
    }
  }
}

/** JSON with bigints as decimal strings. */
export function toJson(report: BenchReport): string {
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2)}\n`;
}

/**
 * `--merge`: this run's rows, and every other row of the previous report as it was measured there, marked with
 * the run it comes from (its command, date, code and load), in row order. Rows of a report that was itself
 * merged keep the run they came from.
 */
export function mergeReports(previous: BenchReport, current: BenchReport): BenchReport {
  const measuredNow = new Set(current.rows.map((row) => row.number));
  const earlier = { command: previous.command, date: previous.date, code: previous.code, loadAverage: previous.machine.loadAverage };
  const kept = previous.rows.filter((row) => !measuredNow.has(row.number)).map((row) => ({ ...row, measuredIn: row.measuredIn ?? earlier }));
  return {
    ...current,
    dataset: current.dataset ?? previous.dataset,
    rows: [...current.rows, ...kept].sort((a, b) => a.number - b.number),
  };
}
