import type { ReasonCode } from '@registry/domain';
import type { FastifyRequest } from 'fastify';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { html, type Html } from '../html';
import type { PageContext } from '../page-context';
import { readableCountry, readableDate } from '../readable';
import { checkChunk, type BulkAnswer, type BulkChunkResult } from './bulk-query';
import { csvLine } from './bulk-csv';
import type { BulkRow } from './bulk-rows';

/** Rows per GraphQL call: big enough to be cheap, small enough that answers stream and other callers get a turn. */
const CHUNK = 100;

type RowOutcome =
  | { row: BulkRow & { kind: 'invalid' }; kind: 'invalid' }
  | { row: BulkRow & { kind: 'check' }; kind: 'answer'; answer: BulkAnswer }
  | { row: BulkRow & { kind: 'check' }; kind: 'notChecked'; retryAfterSeconds: number };

/** Answers the rows in order, a chunk at a time; once the caller's allowance runs out, the rest are not checked. */
export async function* bulkOutcomes(request: FastifyRequest, rows: readonly BulkRow[]): AsyncGenerator<RowOutcome> {
  let refusedFor: number | null = null;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const checks = chunk.filter((row): row is BulkRow & { kind: 'check' } => row.kind === 'check');
    const result: BulkChunkResult | null = refusedFor === null && checks.length > 0 ? await checkChunk(request, checks) : null;
    if (result !== null && 'rateLimited' in result) refusedFor = result.rateLimited.retryAfterSeconds;
    let next = 0;
    for (const row of chunk) {
      if (row.kind === 'invalid') yield { row, kind: 'invalid' };
      else if (result === null || 'rateLimited' in result) yield { row, kind: 'notChecked', retryAfterSeconds: refusedFor ?? 60 };
      else yield { row, kind: 'answer', answer: result.answers[next++] };
    }
    await nextTurn();
  }
}

/**
 * The reasons a bulk table cites, each sentence written once under the table and cited by its number in the rows:
 * a thousand refusals would otherwise repeat the same few sentences a thousand times.
 */
export class ReasonNotes {
  private readonly numbers = new Map<string, number>();

  constructor(private readonly context: PageContext) {}

  cite(code: ReasonCode, country: string): number {
    const key = `${code} ${country}`;
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.numbers.size + 1;
      this.numbers.set(key, number);
    }
    return number;
  }

  get size(): number {
    return this.numbers.size;
  }

  /** The cited sentences, numbered as cited. */
  list(): Html {
    const { t } = this.context;
    return html`<ol class="notes">${[...this.numbers].map(([key, number]) => {
      const [code, country] = key.split(' ');
      return html`<li id="n${number}">${t(`reason.${code}.text`, { country: readableCountry(this.context, country) })}</li>`;
    })}</ol>`;
  }
}

/** One row of the table; end tags the HTML parser implies are left out, for the size of a 1,000-row page. */
export function htmlRow(context: PageContext, outcome: RowOutcome, notes: ReasonNotes): Html {
  const { t } = context;
  const { row } = outcome;
  const date = row.kind === 'check' ? (row.asOf ?? context.today) : row.asOf;
  const cells = html`<tr><td>${row.line}<td>${row.number}<td>${row.kind === 'check' ? readableCountry(context, row.country) : row.country}<td>${row.kind === 'check' ? readableDate(context, date) : date}`;
  switch (outcome.kind) {
    case 'invalid':
      return html`${cells}<td class=no>${t('bulk.invalid', { problem: t(`bulk.problems.${outcome.row.problem}`, { value: outcome.row.value }) })}<td>\n`;
    case 'notChecked':
      return html`${cells}<td class=no>${t('bulk.notChecked', { seconds: outcome.retryAfterSeconds })}<td>\n`;
    case 'answer': {
      const { answer } = outcome;
      const cited = answer.reasons.map(({ code }) => notes.cite(code, answer.country));
      return html`${cells}<td class=${answer.recognized ? 'yes' : 'no'}>${t(answer.recognized ? 'bulk.yes' : 'bulk.no')}<td>${cited.map((n, i) => html`${i > 0 ? ' ' : ''}<a href=#n${n}>${n}</a>`)}\n`;
    }
  }
}

export const CSV_HEADER = ['line', 'certificateNumber', 'country', 'asOf', 'recognized', 'basis', 'validUntil', 'reasonCodes', 'reasons'];

export function csvRow(context: PageContext, outcome: RowOutcome): string {
  const { t } = context;
  const { row } = outcome;
  switch (outcome.kind) {
    case 'invalid':
      return csvLine([row.line, row.number, row.country, row.asOf, '', '', '', 'NOT_CHECKED', t('bulk.invalid', { problem: t(`bulk.problems.${outcome.row.problem}`, { value: outcome.row.value }) })]);
    case 'notChecked':
      return csvLine([row.line, row.number, row.country, outcome.row.asOf ?? '', '', '', '', 'RATE_LIMITED', t('bulk.notChecked', { seconds: outcome.retryAfterSeconds })]);
    case 'answer': {
      const { answer } = outcome;
      const country = readableCountry(context, answer.country);
      return csvLine([
        row.line,
        answer.certificateNumber,
        answer.country,
        answer.asOf,
        answer.recognized ? 'yes' : 'no',
        answer.basis,
        answer.validUntil,
        answer.reasons.map(({ code }) => code).join(';'),
        answer.reasons.map(({ code }) => t(`reason.${code}.text`, { country })).join(' '),
      ]);
    }
  }
}
