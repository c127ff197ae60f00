import type { CalendarDate } from '@registry/domain';

type AnswerQuestion = { number: string; country: string; asOf: CalendarDate | null; knownAt: string | null };

function answerQuery({ country, asOf, knownAt }: AnswerQuestion): URLSearchParams {
  const query = new URLSearchParams({ country });
  if (asOf !== null) query.set('asOf', asOf);
  if (knownAt !== null) query.set('knownAt', knownAt);
  return query;
}

/** The shareable link to a live answer: what the QR code, the printout and the PDF point to. No language: the
 * reader's browser chooses it. */
export function answerPath(question: AnswerQuestion): string {
  return `/verify/${encodeURIComponent(question.number)}?${answerQuery(question).toString()}`;
}

/** The same answer as a one-page PDF, or as a signed statement, in the reader's language. */
export function answerFilePath(question: AnswerQuestion, file: 'pdf' | 'statement', language: string): string {
  const query = answerQuery(question);
  query.set('lang', language);
  return `/verify/${encodeURIComponent(question.number)}/${file}?${query.toString()}`;
}
