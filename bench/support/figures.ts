/** Small statistics and the way figures are printed. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of the per-round ratios a[i] / b[i]: rounds are interleaved, so each ratio compares
 * contenders measured moments apart, under the same load from whatever else runs on the machine. */
export function medianRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.slice(0, b.length).map((value, i) => value / b[i]));
}

export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  return sortedAscending[Math.min(sortedAscending.length - 1, Math.floor(p * sortedAscending.length))];
}

export function rate(value: number, unit: string): string {
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}

export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(0)} %`;
}

export function times(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1)}×`;
}

export function milliseconds(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

export function seconds(s: number): string {
  return `${s.toFixed(s >= 100 ? 0 : 1)} s`;
}

export function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

export function count(n: number): string {
  return n.toLocaleString('en-US');
}
