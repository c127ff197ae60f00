import type { CalendarDate } from './calendar-date';

/**
 * The statement in force on `asOf`: the latest-dated one on or before it, and among statements of the same
 * date the one recorded last. Timelines keep statements in append order, so "recorded last" is list order.
 */
export function governingAt<T>(
  statements: readonly T[],
  asOf: CalendarDate,
  dateOf: (statement: T) => CalendarDate,
): T | null {
  let governing: T | null = null;
  for (const statement of statements) {
    const date = dateOf(statement);
    if (date <= asOf && (governing === null || date >= dateOf(governing))) governing = statement;
  }
  return governing;
}
