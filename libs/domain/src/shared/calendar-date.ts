/**
 * An ISO 8601 calendar date, 'YYYY-MM-DD'. Kept as a plain string so events and timelines stay JSON;
 * valid dates with four-digit years sort correctly as text, which every comparison here relies on.
 */
export type CalendarDate = string;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True only for real dates: '2024-02-29' yes, '2023-02-29' and '2024-13-01' no. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = SHAPE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return a < b;
}

export function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return a > b;
}

export function isOnOrBefore(a: CalendarDate, b: CalendarDate): boolean {
  return a <= b;
}

export function isOnOrAfter(a: CalendarDate, b: CalendarDate): boolean {
  return a >= b;
}

/** The earliest of the given dates, ignoring nulls; null when none is given. */
export function earliest(...dates: (CalendarDate | null | undefined)[]): CalendarDate | null {
  let result: CalendarDate | null = null;
  for (const date of dates) if (date != null && (result === null || date < result)) result = date;
  return result;
}

/** The latest of the given dates, ignoring nulls; null when none is given. */
export function latest(...dates: (CalendarDate | null | undefined)[]): CalendarDate | null {
  let result: CalendarDate | null = null;
  for (const date of dates) if (date != null && (result === null || date > result)) result = date;
  return result;
}

function format(instant: Date): CalendarDate {
  const year = instant.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} has no four-digit calendar date`);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(instant.getUTCMonth() + 1, 2)}-${pad(instant.getUTCDate(), 2)}`;
}

/** `date` moved by `days` (negative moves back). Throws on an invalid date. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${String(date)}`);
  const [year, month, day] = date.split('-').map(Number);
  const instant = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  instant.setUTCFullYear(year, month - 1, day + days);
  return format(instant);
}

/** The UTC calendar date of an instant. Pure: the caller owns the clock. */
export function calendarDateOf(instant: Date): CalendarDate {
  return format(instant);
}
