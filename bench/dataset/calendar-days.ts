import type { CalendarDate } from '@registry/domain';

/** Business dates as whole days since 1970-01-01: the generator does arithmetic on millions of them. */
const MS_PER_DAY = 86_400_000;

export function dayOf(date: CalendarDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

export function dateOf(day: number): CalendarDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
