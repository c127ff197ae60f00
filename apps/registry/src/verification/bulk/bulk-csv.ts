import { stringify } from 'csv-stringify/sync';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return) as a formula, so a CSV echoing
 * what someone uploaded could carry one to the next reader ("CSV injection"). Such cells get a leading
 * apostrophe, as OWASP advises: shown as text, never run. Control characters are never part of a valid number,
 * country or date, and a line break echoed inside a cell reads as a new row to a naive reader: each becomes a
 * space (and a formula behind leading spaces is neutralised too).
 */
export function neutralised(cell: string): string {
  const flat = Array.from(cell, (character) => (isControl(character) ? ' ' : character)).join('');
  return /^[\t\r]/.test(cell) || /^\s*[=+\-@]/.test(flat) ? `'${flat}` : flat;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return stringify([cells.map((cell) => neutralised(cell === null ? '' : String(cell)))]);
}

function isControl(character: string): boolean {
  const code = character.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}
