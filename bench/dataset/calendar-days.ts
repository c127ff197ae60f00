import type { CalendarDate } from '@registry/domain';

/** Business dates as whole days since 1970-01-01: the generator does arithmetic on millions of them. */
const MS_PER_DAY = 86_400_000;

export function dayOf(date: CalendarDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/** Formatted once per day: a data set spans a few thousand days but formats millions of dates. */
const formatted = new Map<number, CalendarDate>();

export function dateOf(day: number): CalendarDate {
  let date = formatted.get(day);
  if (date === undefined) {
    date = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    formatted.set(day, date);
  }
  return date;
}
