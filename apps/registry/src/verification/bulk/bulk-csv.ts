import { stringify } from 'csv-stringify/sync';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a CSV echoing
 * what someone uploaded could carry one to the next reader ("CSV injection"). Such cells get a leading
 * apostrophe, as OWASP advises: shown as text, never run.
 */
export function neutralised(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return stringify([cells.map((cell) => neutralised(cell === null ? '' : String(cell)))]);
}
