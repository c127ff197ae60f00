import { count, mebibytes, percent, rate, seconds } from '../support/figures';
import { exponent, growthWords, METRICS } from './growth';
import type { ScaleReport } from './scale-point';

const or = (value: number | null, show: (v: number) => string): string => (value === null ? '—' : show(value));

/** BENCHMARKS.md's "How cost grows" section, from bench/results/scale.json; the chart sits beside that file. */
export function scaleSection(report: ScaleReport, chartPath: string): string {
  const lines = [
    '| certificates | events | load | log on disk | RSS | first start | restart | rebuild (of raw) | row 4 req/s, p99 (of bare) | load avg |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...report.points.map((p) =>
      [
        count(p.certificates),
        count(p.events),
        `${seconds(p.loadSeconds)} (${rate(p.loadEventsPerSecond, 'events/s')})`,
        `${mebibytes(p.logBytes)} (${Math.round(p.logBytes / p.events)} B/event)`,
        or(p.rssBytes, mebibytes),
        or(p.firstStartSeconds, seconds),
        or(p.restartSeconds, seconds),
        `${or(p.rebuildEventsPerSecond, (v) => rate(v, 'events/s'))} (${or(p.rebuildOfRaw, percent)})`,
        `${or(p.recognitionRequestsPerSecond, (v) => rate(v, 'req/s'))}, p99 ${or(p.recognitionP99Ms, (v) => `${v} ms`)} (${or(p.recognitionOfBare, percent)})`,
        p.loadAverage.toFixed(1),
      ].join(' | '),
    ).map((row) => `| ${row} |`),
  ];
  const busy = report.points.some((p) => p.loadAverage > report.cores)
    ? ' The load average was above the core count: other work shared the machine, so read the ratios and the shape, not the absolute figures.'
    : '';
  const smallest = report.points[0]?.certificates ?? 0;
  const largest = report.points.at(-1)?.certificates ?? 0;
  const growth = METRICS.map((metric) => `- ${metric.label}: ${growthWords(metric, exponent(metric, report.points))}`);
  return `## How cost grows

\`${report.command}\` on ${report.code}, ${report.date} (whole run ${seconds(report.totalSeconds)}, ${report.cores} cores). Each size is loaded
into a fresh directory, then: first start (RSS, time to ready), row 4 (one round), row 3 (one rebuild against
raw reads either side), restart. The ratios are same-run; the absolute figures are only as quiet as the load
average beside them.${busy}

${lines.join('\n')}

![How cost grows](${chartPath})

Growth between ${count(smallest)} and ${count(largest)} certificates (exponent k in cost ∝ n^k; within ±0.15 is read as noise):

${growth.join('\n')}
`;
}
