import { canonicalEventBytes } from '@registry/domain/log/canonical-event';
import { openSqliteEventStore, type RecordedEvent } from '@registry/event-store';
import { compareWithRegistry } from '../../scripts/audit/compare-registry';
import { ExportReplay, type Question } from '../../scripts/audit/replay-export';
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
 * Row 9 (issue 13): the recognition query as known at an instant in the past vs as known now, the same
 * questions, interleaved rounds against the same registry. knownAt costs a binary search of the tree file's
 * clock and the timelines cut in memory; the target (issue 18) is at least half the rate of the query without it.
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
      `  row 9 round ${round + 1}: knownAt ${rate(withKnownAt[round].requestsPerSecond, 'req/s')} p50 ${withKnownAt[round].p50} ms p99 ${withKnownAt[round].p99} ms; ` +
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
    number: 9,
    what: ISSUE_ROWS[9].what,
    ours: `${rate(ours.requestsPerSecond, 'req/s')}, p50 ${ours.p50} ms, p99 ${ours.p99} ms`,
    baseline: `${rate(base.requestsPerSecond, 'req/s')}, p50 ${base.p50} ms, p99 ${base.p99} ms`,
    ratio: percent(ratio),
    target: ISSUE_ROWS[9].target,
    verdict: ratio >= 0.5 && failures === 0 ? 'met' : 'MISSED',
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

/** Reads the loaded log (before the registry holds the directory) into the auditor's replay, keeping only the
 * certificates the questions ask about so that a million-certificate log fits in memory. */
export async function replayOfDirectory(dataDir: string, questions: readonly Question[]): Promise<ExportReplay> {
  const store = await openSqliteEventStore({ dataDir });
  try {
    const replay = new ExportReplay([], { certificates: new Set(questions.map((question) => question.certificateNumber)) });
    let leafIndex = 0;
    let from: bigint | 'start' = 'start';
    let seen: bigint | undefined;
    for (;;) {
      const page: RecordedEvent[] = (await store.readAll({ fromPosition: from, maxCount: 5_001 })).filter((event) => event.position !== seen);
      if (page.length === 0) return replay;
      for (const event of page) replay.add({ leafIndex: leafIndex++, canonical: canonicalEventBytes(event).toString('utf8') });
      seen = from = page[page.length - 1].position;
    }
  } finally {
    await store.close();
  }
}

/** 10,000 random questions, a quarter of them as known at a past instant. */
export function replayQuestions(context: ServedContext, n = 10_000): Question[] {
  const knownAt = `${CALENDAR.asOf}T12:00:00.000Z`;
  return context.dataset.recognitionQuestions(n).map((question, i) => ({ ...question, knownAt: i % 4 === 3 ? knownAt : null }));
}

/** Row 14 (issue 13): the auditor's replay of the log through the domain's rule agrees with the live API. */
export async function replayAgreementRow(context: ServedContext, registry: StartedRegistry, replay: ExportReplay, questions: readonly Question[]): Promise<BenchRow> {
  const started = performance.now();
  const differences = await compareWithRegistry(replay, questions, registry.baseUrl);
  const secondsTaken = (performance.now() - started) / 1000;
  return {
    kind: 'measured',
    number: 14,
    what: ISSUE_ROWS[14].what,
    ours: `${questions.length - differences.length} of ${questions.length} answers equal`,
    baseline: 'the live registry',
    ratio: percent((questions.length - differences.length) / questions.length),
    target: ISSUE_ROWS[14].target,
    verdict: differences.length === 0 ? 'met' : 'MISSED',
    notes: [
      `${questions.length} random (certificate, country) questions at asOf ${CALENDAR.asOf}, a quarter as known at ${CALENDAR.asOf}T12:00Z; the replay folds the whole log read from the store (only the asked certificates kept) through the domain's timelines and rule; ${secondsTaken.toFixed(1)} s to ask them all`,
      ...differences.slice(0, 3).map((difference) => `differs: ${JSON.stringify(difference).slice(0, 300)}`),
    ],
    figures: { questions: questions.length, differences: differences.length, seconds: secondsTaken },
  };
}
