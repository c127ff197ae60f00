import { createHash } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { unreachable, type RegistryCommandType } from '@registry/domain';
import {
  CancelCertificateInput,
  IssueCertificateInput,
  ReinstateCertificateInput,
  RenewCertificateInput,
  SuspendCertificateInput,
  WithdrawCertificateInput,
} from '../certificates/certificate.inputs';

/**
 * The import file, one row per recorded event of a certificate's history, in the order they happened:
 *
 *   number,event,date,schemeCode,holderName,validUntil,reason
 *   TH-PS-0001,ISSUED,2024-03-01,APO-PS 101:2023,Somchai Jaidee,2027-02-28,
 *   TH-PS-0001,SUSPENDED,2025-01-10,,,,complaint under investigation
 *
 * The issuing CB is the importer's (`--cb`). JSON Lines carry the same fields, one object a line.
 */
export const IMPORT_COLUMNS = ['number', 'event', 'date', 'schemeCode', 'holderName', 'validUntil', 'reason'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Each event, the command it is recorded with (as its mutation would send it, checked with the mutation's
 * input class), and the columns it needs (the others must be empty). */
const EVENTS = {
  ISSUED: { command: 'IssueCertificate', input: IssueCertificateInput, columns: ['schemeCode', 'holderName', 'validUntil'] },
  RENEWED: { command: 'RenewCertificate', input: RenewCertificateInput, columns: ['validUntil'] },
  SUSPENDED: { command: 'SuspendCertificate', input: SuspendCertificateInput, columns: ['reason'] },
  REINSTATED: { command: 'ReinstateCertificate', input: ReinstateCertificateInput, columns: ['reason'] },
  WITHDRAWN: { command: 'WithdrawCertificate', input: WithdrawCertificateInput, columns: ['reason'] },
  CANCELLED: { command: 'CancelCertificate', input: CancelCertificateInput, columns: ['reason'] },
} as const satisfies Record<string, { command: RegistryCommandType; input: new () => object; columns: readonly ImportColumn[] }>;

export type ImportEvent = keyof typeof EVENTS;
export const IMPORT_EVENTS = Object.keys(EVENTS) as ImportEvent[];

/** A row as read, with the file's line number (1 is the header of a CSV, the first object of JSON Lines). */
export type ImportRow = { line: number } & Record<ImportColumn, string>;

/** Why a row is not imported: the line, the column at fault, and what is wrong, for a person to fix. */
export type RowProblem = { line: number; column: string; reason: string; code?: 'FOLLOWS_REFUSED_ROW' };

/** A valid row as the command it becomes, with a command id derived from the row so that a re-run replays it. */
export type PlannedRow = {
  line: number;
  number: string;
  event: ImportEvent;
  command: (typeof EVENTS)[ImportEvent]['command'];
  /** The command's mutation input: its data and the command id. */
  input: Record<string, unknown> & { commandId: string };
};

export type ImportPlan = {
  /** The valid rows, grouped by certificate in file order: a group is recorded in order, groups side by side. */
  certificates: PlannedRow[][];
  /** Every bad row, in line order. */
  problems: RowProblem[];
  rows: number;
};

// The parsing is csv-parse's (quotes, embedded line breaks, BOM); the line numbers are the file's.
export function readCsv(text: string): { rows: ImportRow[]; problems: RowProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], problems: [{ line, column: '', reason: `not CSV: ${(error as Error).message}` }] };
  }
  const [header, ...body] = records;
  const names = header?.record.map((name) => name.trim()) ?? [];
  const missing = IMPORT_COLUMNS.filter((column) => !names.includes(column));
  const unknown = names.filter((name) => !(IMPORT_COLUMNS as readonly string[]).includes(name));
  if (header === undefined || missing.length > 0 || unknown.length > 0) {
    const reason = `the header must name the columns ${IMPORT_COLUMNS.join(',')}${missing.length ? `; missing ${missing.join(', ')}` : ''}${unknown.length ? `; unknown ${unknown.join(', ')}` : ''}`;
    return { rows: [], problems: [{ line: 1, column: '', reason }] };
  }
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  for (const { record, info } of body) {
    if (record.length !== names.length) {
      problems.push({ line: info.lines, column: '', reason: `has ${record.length} cells, the header ${names.length}` });
      continue;
    }
    const cells = Object.fromEntries(names.map((name, index) => [name, record[index]])) as Record<ImportColumn, string>;
    rows.push({ line: info.lines, ...cells });
  }
  return { rows, problems };
}

export function readJsonLines(text: string): { rows: ImportRow[]; problems: RowProblem[] } {
  const rows: ImportRow[] = [];
  const problems: RowProblem[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line, column: '', reason: 'not a JSON object' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.push({ line, column: '', reason: 'not a JSON object' });
      return;
    }
    const object = value as Record<string, unknown>;
    const unknown = Object.keys(object).filter((key) => !(IMPORT_COLUMNS as readonly string[]).includes(key));
    const notText = IMPORT_COLUMNS.filter((column) => object[column] != null && typeof object[column] !== 'string');
    if (unknown.length > 0) problems.push({ line, column: unknown[0], reason: 'unknown field' });
    else if (notText.length > 0) problems.push({ line, column: notText[0], reason: 'must be a string' });
    else rows.push({ line, ...(Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, (object[column] as string | undefined) ?? ''])) as Record<ImportColumn, string>) });
  });
  return { rows, problems };
}

/** A UUID from the importing CB and the row's identity (certificate, event, date): the same row, the same id. */
export function rowCommandId(cbId: string, row: Pick<ImportRow, 'number' | 'event' | 'date'>): string {
  const hex = createHash('sha256').update(`mrr-import/v1\n${cbId}\n${row.number}\n${row.event}\n${row.date}`).digest('hex');
  // Shaped as an RFC 9562 name-based UUID: version 5 nibble, variant bits 10.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The input field of a mutation each column fills. */
const FIELD_OF: Record<ImportColumn, string> = {
  number: 'number',
  event: 'event',
  date: 'date',
  schemeCode: 'schemeCode',
  holderName: 'holderName',
  validUntil: 'validUntil',
  reason: 'reason',
};

function inputOf(row: ImportRow, event: ImportEvent, cbId: string): Record<string, unknown> {
  const { number, date, schemeCode, holderName, validUntil, reason } = row;
  switch (event) {
    case 'ISSUED':
      return { number, cbId, schemeCode, holderName, issuedOn: date, validUntil };
    case 'RENEWED':
      return { number, effectiveOn: date, validUntil };
    case 'SUSPENDED':
    case 'REINSTATED':
    case 'WITHDRAWN':
    case 'CANCELLED':
      return { number, effectiveOn: date, reason };
    default:
      return unreachable(event);
  }
}

/** The column a refused input field came from. */
export function columnOf(property: string): string {
  if (property === 'issuedOn' || property === 'effectiveOn') return 'date';
  return (Object.entries(FIELD_OF).find(([, field]) => field === property)?.[0] as string | undefined) ?? property;
}

function firstMessage(error: ValidationError): string {
  return Object.values(error.constraints ?? {})[0] ?? 'is not valid';
}

/**
 * Checks every row before anything is written: each with the same rules as the API's inputs (class-validator on
 * the very input classes), then each certificate's history: it starts with its issue, once, dated in order, each
 * event once a day. A row after a refused row of the same certificate is refused too, since it rests on it.
 * Rules that need the registry's records (accreditation, ownership, status) are the domain's, at write time.
 */
export function planImport(read: { rows: ImportRow[]; problems: RowProblem[] }, cbId: string): ImportPlan {
  const problems: RowProblem[] = [...read.problems];
  const byNumber = new Map<string, { rows: PlannedRow[]; lastDate: string; refusedAt: number | null; seen: Map<string, number> }>();
  for (const row of read.rows) {
    const history = byNumber.get(row.number) ?? { rows: [], lastDate: '', refusedAt: null, seen: new Map<string, number>() };
    byNumber.set(row.number, history);
    const problem = checkRow(row, cbId, history);
    if (problem !== null) {
      problems.push(problem);
      if (history.refusedAt === null) history.refusedAt = row.line;
      continue;
    }
    const event = row.event as ImportEvent;
    history.rows.push({ line: row.line, number: row.number, event, command: EVENTS[event].command, input: { ...inputOf(row, event, cbId), commandId: rowCommandId(cbId, row) } });
    history.lastDate = row.date;
    history.seen.set(`${row.event} ${row.date}`, row.line);
  }
  problems.sort((a, b) => a.line - b.line);
  const certificates = [...byNumber.values()].map((history) => history.rows).filter((rows) => rows.length > 0);
  return { certificates, problems, rows: read.rows.length + read.problems.length };
}

function checkRow(row: ImportRow, cbId: string, history: { rows: PlannedRow[]; lastDate: string; refusedAt: number | null; seen: Map<string, number> }): RowProblem | null {
  const at = (column: string, reason: string): RowProblem => ({ line: row.line, column, reason });
  if (!(IMPORT_EVENTS as string[]).includes(row.event)) return at('event', `must be one of ${IMPORT_EVENTS.join(', ')}`);
  const event = row.event as ImportEvent;
  const spec = EVENTS[event];
  const extra = (['schemeCode', 'holderName', 'validUntil', 'reason'] as const).find((column) => row[column] !== '' && !(spec.columns as readonly string[]).includes(column));
  if (extra !== undefined) return at(extra, `must be empty for ${event}`);
  const input: new () => object = spec.input;
  const errors = validateSync(plainToInstance(input, inputOf(row, event, cbId)), { forbidUnknownValues: true, whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) return at(columnOf(errors[0].property), firstMessage(errors[0]));
  if (history.refusedAt !== null) {
    return { ...at('number', `follows line ${history.refusedAt} of the same certificate, which is refused`), code: 'FOLLOWS_REFUSED_ROW' };
  }
  if (event === 'ISSUED' && history.rows.length > 0) return at('event', `certificate ${row.number} is already issued on line ${history.rows[0].line}`);
  if (event !== 'ISSUED' && history.rows.length === 0) return at('event', `the history of ${row.number} must start with its ISSUED row`);
  if (row.date < history.lastDate) return at('date', `is before ${history.lastDate}, the date of the row before it for ${row.number}`);
  const twin = history.seen.get(`${row.event} ${row.date}`);
  if (twin !== undefined) return at('event', `repeats line ${twin}`);
  if ((event === 'ISSUED' || event === 'RENEWED') && row.validUntil <= row.date) return at('validUntil', `must be after ${row.date}`);
  return null;
}
