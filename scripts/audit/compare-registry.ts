import type { ExportReplay, Question, ReplayedAnswer } from './replay-export';

const RECOGNITION = `query($number: String!, $country: String!, $asOf: Date, $knownAt: String) {
  recognition(certificateNumber: $number, country: $country, asOf: $asOf, knownAt: $knownAt) {
    certificateNumber country asOf recognized basis arrangementId validUntil reasons { code } evidence { leafIndex } knownThrough { leafIndex }
  }
}`;

type LiveAnswer = {
  recognized: boolean;
  basis: string | null;
  arrangementId: string | null;
  validUntil: string | null;
  reasons: { code: string }[];
  evidence: { leafIndex: number | null }[];
  knownThrough: { leafIndex: number } | null;
};

export interface Difference {
  question: Question;
  replay: Partial<ReplayedAnswer>;
  registry: Partial<ReplayedAnswer> | { error: string };
}

/** The parts of an answer both sides must agree on. */
function comparable(answer: ReplayedAnswer): Partial<ReplayedAnswer> {
  const { recognized, basis, arrangementId, validUntil, reasonCodes, evidence, knownThrough } = answer;
  return { recognized, basis, arrangementId, validUntil, reasonCodes, evidence, knownThrough: knownThrough && { ...knownThrough, recordedAt: '', treeSize: 0 } };
}

/**
 * Asks the live registry the same questions and reports every answer that differs from the replay. A question
 * without knownAt is asked as known at the export's last record on both sides, so events recorded since the
 * export do not count as differences.
 */
export async function compareWithRegistry(replay: ExportReplay, questions: readonly Question[], registryUrl: string, apiKey?: string): Promise<Difference[]> {
  const differences: Difference[] = [];
  const exportEnd = replay.lastRecordedAt();
  for (const asked of questions) {
    const question = { ...asked, knownAt: asked.knownAt ?? exportEnd };
    const ours = comparable(replay.answer(question));
    const live = await askRegistry(registryUrl, question, apiKey);
    if (typeof live === 'string') {
      differences.push({ question, replay: ours, registry: { error: live } });
      continue;
    }
    const theirs = comparable({
      ...question,
      recognized: live.recognized,
      basis: live.basis,
      arrangementId: live.arrangementId,
      validUntil: live.validUntil,
      reasonCodes: live.reasons.map((reason) => reason.code),
      evidence: live.evidence.map((ref) => ref.leafIndex ?? -1),
      knownThrough: live.knownThrough && { leafIndex: live.knownThrough.leafIndex, treeSize: 0, recordedAt: '' },
    });
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) differences.push({ question, replay: ours, registry: theirs });
  }
  return differences;
}

async function askRegistry(registryUrl: string, question: Question, apiKey: string | undefined): Promise<LiveAnswer | string> {
  const response = await fetch(new URL('/graphql', registryUrl), {
    method: 'POST',
    // An auditor's key lifts the limit on keyless lookups; the answers are the same.
    headers: { 'content-type': 'application/json', ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }) },
    body: JSON.stringify({
      query: RECOGNITION,
      variables: { number: question.certificateNumber, country: question.country, asOf: question.asOf, knownAt: question.knownAt },
    }),
  });
  const body = (await response.json()) as { data?: { recognition: LiveAnswer } | null; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) return body.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`;
  return body.data.recognition;
}

/** Every certificate × every country × a few dates, spread evenly down to at most `limit` questions. */
export function sampleQuestions(replay: ExportReplay, dates: readonly string[], limit: number): Question[] {
  const all: Question[] = [];
  for (const certificateNumber of replay.certificateNumbers()) {
    for (const country of replay.countries()) for (const asOf of dates) all.push({ certificateNumber, country, asOf, knownAt: null });
  }
  if (all.length <= limit) return all;
  const step = all.length / limit;
  return Array.from({ length: limit }, (_, i) => all[Math.floor(i * step)]);
}
