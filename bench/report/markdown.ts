import type { BenchRow } from '../rows/bench-row';
import { scaleSection } from '../scale/scale-markdown';
import type { ScaleReport } from '../scale/scale-point';
import { count, mebibytes, rate, seconds } from '../support/figures';
import { cells, type BenchReport } from './bench-report';

const escape = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function table(rows: BenchRow[]): string {
  const lines = ['| # | what | ours | baseline (same run) | ratio | target | result |', '|---|---|---|---|---|---|---|'];
  for (const row of rows) {
    const c = cells(row);
    const verdict = c.verdict === 'MISSED' ? '**MISSED**' : c.verdict;
    lines.push(`| ${row.number} | ${escape(row.what)} | ${escape(c.ours)} | ${escape(c.baseline)} | ${escape(c.ratio)} | ${escape(c.target)} | ${verdict} |`);
  }
  return lines.join('\n');
}

function notes(rows: BenchRow[]): string {
  return rows
    .filter((row) => row.kind === 'measured' && row.notes.length > 0)
    .map((row) => `**Row ${row.number}.** ${row.kind === 'measured' ? row.notes.join('. ') : ''}.`)
    .join('\n\n');
}

/** With `--merge`: which rows come from which earlier run (their ratios are same-run ratios of that run). */
function earlierRuns(rows: BenchRow[]): string {
  const runs = new Map<string, { numbers: number[]; run: NonNullable<BenchRow['measuredIn']> }>();
  for (const row of rows) {
    if (row.measuredIn === undefined) continue;
    const key = `${row.measuredIn.date}|${row.measuredIn.code}`;
    const entry = runs.get(key) ?? { numbers: [], run: row.measuredIn };
    entry.numbers.push(row.number);
    runs.set(key, entry);
  }
  if (runs.size === 0) return '';
  const lines = [...runs.values()].map(
    ({ numbers, run }) =>
      `- Rows ${numbers.join(', ')}: kept from an earlier run (\`--merge\`): \`${run.command}\`, ${run.date}, code ${run.code}, ` +
      `load ${run.loadAverage.start.toFixed(1)}–${run.loadAverage.end.toFixed(1)}`,
  );
  return `${lines.join('\n')}\n- Every other row: this run.\n\n`;
}

/** BENCHMARKS.md, rewritten whole by every run: the last `--n` run's table, then the last `--scale` run's
 * section when there is one (each run keeps the other's from its JSON file). */
export function benchmarksMarkdown(report: BenchReport | null, scale: { report: ScaleReport; chartPath: string } | null): string {
  const scaled = scale === null ? '' : `\n${scaleSection(scale.report, scale.chartPath)}`;
  if (report === null) {
    return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); do not edit by hand. No \`npm run bench -- --n N\` run has been recorded yet
(\`bench/results/latest.json\`).
${scaled}`;
  }
  const { machine, dataset } = report;
  const datasetSection =
    dataset === null
      ? 'No data set was loaded in this run.'
      : [
          `${count(dataset.certificates)} certificates (seed ${dataset.seed}) as ${count(dataset.events)} events in ${count(dataset.appends)} streams, ` +
            `appended through the port (one append per stream, thousands in flight) in ${seconds(dataset.loadSeconds)}: ${rate(dataset.loadEventsPerSecond, 'events/s')}; ` +
            `log file ${mebibytes(dataset.eventsFileBytes)}.`,
          '',
          Object.entries(dataset.byType)
            .map(([type, n]) => `${type} ${count(n)}`)
            .join(', '),
        ].join('\n');
  return `# Benchmarks

Written by \`npm run bench\` (bench/run.ts); do not edit by hand. Every figure is a ratio against a baseline
measured in the same run on the same machine, because absolute numbers on a shared machine are noise.

- Command: \`${report.command}\`
- Date: ${report.date} (whole run ${seconds(report.totalSeconds)}); code: ${report.code}
- Machine: ${machine.cpu}, ${machine.cores} cores, ${mebibytes(machine.memoryBytes)} memory, Node ${machine.node}, ${machine.os}
- Load average (1 min): ${machine.loadAverage.start.toFixed(1)} at the start, ${machine.loadAverage.end.toFixed(1)} at the end${machine.loadAverage.start > machine.cores || machine.loadAverage.end > machine.cores ? ' (above the core count: other work shared the machine, which is why only same-run ratios are judged)' : ''}

${earlierRuns(report.rows)}${table(report.rows)}

## The data set

${datasetSection}

## How each row was measured

${notes(report.rows)}

Raw figures: \`bench/results/latest.json\`. A quick look: \`npm run bench -- --n 10000\`.
${scaled}`;
}
