import { CALENDAR } from '../dataset/reference-data';
import { median, medianRatio, percent, rate } from '../support/figures';
import { ISSUE_ROWS } from './issue-rows';
import type { BenchRow } from './bench-row';
import { cannon, type LoadResult, type ServedContext, type StartedRegistry } from './served-registry';

const QUERY = `query Recognition($certificateNumber: String!, $country: String!, $asOf: Date, $knownAt: String) {
  recognition(certificateNumber: $certificateNumber, country: $country, asOf: $asOf, knownAt: $knownAt) {
    certificateNumber country asOf recognized basis arrangementId validUntil reasons { code message } evidence { stream revision position type }
    knownThrough { leafIndex treeSize recordedAt }
  }
}`;

/**
 * Row 11 (issue 13): the recognition query as known at an instant in the past vs as known now, the same
 * questions, interleaved rounds against the same registry. knownAt costs a binary search of the tree file's
 * clock and the timelines cut in memory; the target is to stay within 2× of the query without it.
 */
export async function knownAtRow(context: ServedContext, registry: StartedRegistry, options: { duration: number; warmup: number; rounds: number }): Promise<BenchRow> {
  const questions = context.dataset.recognitionQuestions(1000);
  const knownAt = `${CALENDAR.asOf}T12:00:00.000Z`;
  const now = questions.map((question) => JSON.stringify({ query: QUERY, variables: question }));
  const then = questions.map((question) => JSON.stringify({ query: QUERY, variables: { ...question, knownAt } }));
  const withKnownAt: LoadResult[] = [];
  const without: LoadResult[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    await cannon(registry.baseUrl, then, options.warmup);
    withKnownAt.push(await cannon(registry.baseUrl, then, options.duration));
    await cannon(registry.baseUrl, now, options.warmup);
    without.push(await cannon(registry.baseUrl, now, options.duration));
    context.log(
      `  row 11 round ${round + 1}: knownAt ${rate(withKnownAt[round].requestsPerSecond, 'req/s')} p50 ${withKnownAt[round].p50} ms p99 ${withKnownAt[round].p99} ms; ` +
        `without ${rate(without[round].requestsPerSecond, 'req/s')} p50 ${without[round].p50} ms p99 ${without[round].p99} ms`,
    );
  }
  const summarize = (results: LoadResult[]) => ({
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
  });
  const ours = summarize(withKnownAt);
  const base = summarize(without);
  const ratio = medianRatio(
    withKnownAt.map((r) => r.requestsPerSecond),
    without.map((r) => r.requestsPerSecond),
  );
  const failures = [...withKnownAt, ...without].reduce((sum, r) => sum + r.non2xx + r.errors, 0);
  return {
    kind: 'measured',
    number: 11,
    what: ISSUE_ROWS[11].what,
    ours: `${rate(ours.requestsPerSecond, 'req/s')}, p50 ${ours.p50} ms, p99 ${ours.p99} ms`,
    baseline: `${rate(base.requestsPerSecond, 'req/s')}, p50 ${base.p50} ms, p99 ${base.p99} ms`,
    ratio: percent(ratio),
    target: ISSUE_ROWS[11].target,
    verdict: ratio >= 0.5 && ours.p50 <= 2 * Math.max(base.p50, 1) && failures === 0 ? 'met' : 'MISSED',
    notes: [
      `${options.duration} s per run after a ${options.warmup} s warm-up, ${options.rounds} interleaved round(s), 32 connections; the same 1,000 questions at asOf ${CALENDAR.asOf}, with knownAt ${knownAt} and without`,
      `baseline: the same registry and questions without knownAt (everything recorded so far); ${failures} non-2xx or failed requests`,
    ],
    figures: {
      knownAtRequestsPerSecond: ours.requestsPerSecond,
      knownAtP50: ours.p50,
      knownAtP99: ours.p99,
      withoutRequestsPerSecond: base.requestsPerSecond,
      withoutP50: base.p50,
      withoutP99: base.p99,
    },
  };
}
