import { isCalendarDate, isCountryCode, normalizeCountry, type CalendarDate } from '@registry/domain';
import { parse } from 'csv-parse/sync';
import { isIdentifier } from '../../write/mutation/input-rules';

export const MAX_BULK_ROWS = 1_000;

/** A line of the uploaded CSV, checked before any lookup. */
export type BulkRow =
  | { line: number; kind: 'check'; number: string; country: string; asOf: CalendarDate | null }
  | { line: number; kind: 'invalid'; number: string; country: string; asOf: string; problem: 'number' | 'country' | 'date' | 'columns'; value: string };

export type BulkInput = { rows: BulkRow[] } | { refused: 'empty' | 'tooMany' | 'unreadable'; count?: number; detail?: string };

/** A first line naming the columns ("number,country,asOf") is a header, not a certificate. */
function isHeader(cells: string[]): boolean {
  return /number/i.test(cells[0] ?? '') && /country/i.test(cells[1] ?? '');
}

/** Reads "number, country[, asOf]" lines; blank lines are skipped, and at most MAX_BULK_ROWS are accepted. */
export function readBulkRows(text: string): BulkInput {
  let records: string[][];
  try {
    records = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch (error) {
    return { refused: 'unreadable', detail: error instanceof Error ? error.message.slice(0, 200) : 'unknown error' };
  }
  const body = records.length > 0 && isHeader(records[0]) ? records.slice(1) : records;
  const offset = records.length - body.length;
  if (body.length === 0) return { refused: 'empty' };
  if (body.length > MAX_BULK_ROWS) return { refused: 'tooMany', count: body.length };
  return { rows: body.map((cells, index) => checkRow(cells, index + 1 + offset)) };
}

function checkRow(cells: string[], line: number): BulkRow {
  const [number = '', country = '', asOf = ''] = cells;
  const invalid = (problem: 'number' | 'country' | 'date' | 'columns', value: string): BulkRow => ({ line, kind: 'invalid', number, country, asOf, problem, value });
  if (cells.length < 2) return invalid('columns', '');
  if (!isIdentifier(number)) return invalid('number', number);
  if (!isCountryCode(country)) return invalid('country', country);
  if (asOf !== '' && !isCalendarDate(asOf)) return invalid('date', asOf);
  return { line, kind: 'check', number, country: normalizeCountry(country), asOf: asOf === '' ? null : asOf };
}
