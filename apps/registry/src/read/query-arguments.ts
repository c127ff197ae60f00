import { calendarDateOf, isCountryCode, normalizeCountry, type CalendarDate } from '@registry/domain';
import { ApplicationError, badUserInput } from '../errors';
import type { Clock } from '../clock';

/** Longer than any identifier the registry issues: a longer one is a probe, refused before any lookup. */
const MAX_IDENTIFIER_LENGTH = 200;

/** The business date a query is about: the caller's, or today in UTC by the server's clock — refused, with the
 * reason, when that clock reads a date no calendar date can name (past 9999-12-31, before year 0). */
export function asOfOrToday(asOf: CalendarDate | null | undefined, clock: Clock): CalendarDate {
  if (asOf !== null && asOf !== undefined) return asOf;
  const now = clock.now();
  try {
    return calendarDateOf(now);
  } catch {
    throw new ApplicationError(
      'SERVICE_UNAVAILABLE',
      `The server clock reads ${Number.isNaN(now.getTime()) ? 'an invalid time' : now.toISOString()}, which is no calendar date from 0000-01-01 to 9999-12-31, so "today" is unknown; pass asOf, and have the operator fix the clock`,
      { reason: 'CLOCK_OUT_OF_RANGE' },
    );
  }
}

/** An ISO 3166-1 alpha-2 code in any case, answered upper-case; BAD_USER_INPUT otherwise. */
export function countryArgument(path: string, value: string): string {
  if (!isCountryCode(value)) throw badUserInput([{ path, message: `${JSON.stringify(value)} is not an ISO 3166-1 alpha-2 country code` }]);
  return normalizeCountry(value);
}

export function identifierArgument(path: string, value: string): string {
  if (value.length === 0 || value.length > MAX_IDENTIFIER_LENGTH) {
    throw badUserInput([{ path, message: `must be 1 to ${MAX_IDENTIFIER_LENGTH} characters` }]);
  }
  return value;
}

/** An optional integer within bounds, `fallback` when absent. */
export function boundedInteger(path: string, value: number | null | undefined, fallback: number, min: number, max: number): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput([{ path, message: `must be an integer from ${min} to ${max}` }]);
  }
  return value;
}
