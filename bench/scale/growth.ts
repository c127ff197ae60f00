import type { ScalePoint } from './scale-point';

/**
 * How each cost of `--scale` grows with the registry. A *total* (seconds to load, bytes on disk) is judged
 * against linear growth; a *per-unit* cost (seconds per event rebuilt, per request) against staying flat.
 * Rates are turned into per-unit costs (1 / rate) so that "up" always means "dearer".
 */
export interface Metric {
  label: string;
  kind: 'total' | 'per-unit';
  /** The cost at one size, or null when that size did not measure it. */
  cost(point: ScalePoint): number | null;
}

const inverse = (rate: number | null): number | null => (rate === null || rate <= 0 ? null : 1 / rate);

export const METRICS: readonly Metric[] = [
  { label: 'load time', kind: 'total', cost: (p) => p.loadSeconds },
  { label: 'log on disk', kind: 'total', cost: (p) => p.logBytes },
  { label: 'RSS after first start', kind: 'total', cost: (p) => p.rssBytes },
  { label: 'first start', kind: 'total', cost: (p) => p.firstStartSeconds },
  { label: 'restart', kind: 'total', cost: (p) => p.restartSeconds },
  { label: 'time per event loaded', kind: 'per-unit', cost: (p) => inverse(p.loadEventsPerSecond) },
  { label: 'time per event rebuilt', kind: 'per-unit', cost: (p) => inverse(p.rebuildEventsPerSecond) },
  { label: 'time per recognition request', kind: 'per-unit', cost: (p) => inverse(p.recognitionRequestsPerSecond) },
  { label: 'recognition p99', kind: 'per-unit', cost: (p) => p.recognitionP99Ms },
];

/** Each measured size as (certificates, cost ÷ the cost at the smallest size measured). */
export function relativeSeries(metric: Metric, points: readonly ScalePoint[]): Array<[number, number]> {
  const measured = points.flatMap((p) => {
    const cost = metric.cost(p);
    return cost === null ? [] : [[p.certificates, cost] as [number, number]];
  });
  const first = measured[0]?.[1];
  return first === undefined || first <= 0 ? [] : measured.map(([n, cost]) => [n, cost / first]);
}

/** The exponent k in cost ∝ n^k between the smallest and the largest size measured: 1 is linear, 0 flat. */
export function exponent(metric: Metric, points: readonly ScalePoint[]): number | null {
  const series = relativeSeries(metric, points);
  if (series.length < 2) return null;
  const [n0, c0] = series[0];
  const [n1, c1] = series[series.length - 1];
  return n1 === n0 ? null : Math.log(c1 / c0) / Math.log(n1 / n0);
}

/** In words, with margins wide enough for a shared machine: a ±0.15 exponent is within its noise. */
export function growthWords(metric: Metric, k: number | null): string {
  if (k === null) return 'not measured at two sizes';
  const slack = 0.15;
  if (metric.kind === 'total') {
    if (k > 1 + slack) return `faster than linear (n^${k.toFixed(2)})`;
    if (k < 1 - slack) return `slower than linear (n^${k.toFixed(2)}: a fixed part dominates)`;
    return `linear (n^${k.toFixed(2)})`;
  }
  if (k > slack) return `grows (n^${k.toFixed(2)})`;
  if (k < -slack) return `falls (n^${k.toFixed(2)})`;
  return `flat (n^${k.toFixed(2)})`;
}
