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

export function htmlRow(context: PageContext, outcome: RowOutcome): Html {
  const { t } = context;
  const { row } = outcome;
  const date = row.kind === 'check' ? (row.asOf ?? context.today) : row.asOf;
  const cells = html`<td>${row.line}</td><td>${row.number}</td><td>${row.kind === 'check' ? readableCountry(context, row.country) : row.country}</td><td>${row.kind === 'check' ? readableDate(context, date) : date}</td>`;
  switch (outcome.kind) {
    case 'invalid':
      return html`<tr>${cells}<td class="no">${t('bulk.invalid', { problem: t(`bulk.problems.${outcome.row.problem}`, { value: outcome.row.value }) })}</td><td></td></tr>\n`;
    case 'notChecked':
      return html`<tr>${cells}<td class="no">${t('bulk.notChecked', { seconds: outcome.retryAfterSeconds })}</td><td></td></tr>\n`;
    case 'answer': {
      const { answer } = outcome;
      const country = readableCountry(context, answer.country);
      const reasons = answer.reasons.map(({ code }) => t(`reason.${code}.text`, { country })).join(' ');
      return html`<tr>${cells}<td class="${answer.recognized ? 'yes' : 'no'}">${t(answer.recognized ? 'bulk.yes' : 'bulk.no')}</td><td>${reasons}</td></tr>\n`;
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
