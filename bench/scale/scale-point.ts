import type { DatasetSummary } from '../report/bench-report';
import type { BenchRow } from '../rows/bench-row';

/** What `--scale` records for one size of the registry (issue 18, "How cost grows"). */
export interface ScalePoint {
  certificates: number;
  events: number;
  loadSeconds: number;
  loadEventsPerSecond: number;
  /** The event log on disk after loading: the SQLite file and its WAL. */
  logBytes: number;
  /** The registry process once caught up after its first start. */
  rssBytes: number | null;
  firstStartSeconds: number | null;
  restartSeconds: number | null;
  rebuildEventsPerSecond: number | null;
  rebuildOfRaw: number | null;
  recognitionRequestsPerSecond: number | null;
  recognitionP99Ms: number | null;
  recognitionOfBare: number | null;
  /** 1-minute load average when this size finished: the figures are as noisy as the machine was busy. */
  loadAverage: number;
}

export interface ScaleReport {
  command: string;
  date: string;
  code: string;
  cores: number;
  totalSeconds: number;
  points: ScalePoint[];
}

function figure(rows: Map<number, BenchRow>, row: number, name: string): number | null {
  const found = rows.get(row);
  const value = found?.kind === 'measured' ? found.figures[name] : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const perThousand = (ms: number | null): number | null => (ms === null ? null : ms / 1000);

/** One size's point from the rows 3, 4, 5 and 6 measured on it. */
export function scalePoint(summary: DatasetSummary, logBytes: number, rows: Map<number, BenchRow>, loadAverage: number): ScalePoint {
  return {
    certificates: summary.certificates,
    events: summary.events,
    loadSeconds: summary.loadSeconds,
    loadEventsPerSecond: summary.loadEventsPerSecond,
    logBytes,
    rssBytes: figure(rows, 5, 'rssBytes'),
    firstStartSeconds: perThousand(figure(rows, 6, 'firstReadyMs')),
    restartSeconds: perThousand(figure(rows, 6, 'restartReadyMs')),
    rebuildEventsPerSecond: figure(rows, 3, 'oursPerSecond'),
    rebuildOfRaw: figure(rows, 3, 'ofRaw'),
    recognitionRequestsPerSecond: figure(rows, 4, 'oursRequestsPerSecond'),
    recognitionP99Ms: figure(rows, 4, 'oursP99'),
    recognitionOfBare: figure(rows, 4, 'ratio'),
    loadAverage,
  };
}
