import { isCalendarDate } from '@registry/domain';
import { badUserInput } from '../../errors';

/** An instant with a date, a time and a zone, e.g. 2026-11-01T14:00:00Z or 2026-11-01T21:00:00.123+07:00. */
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/**
 * `knownAt` as the log's clock writes it (ISO 8601 UTC, milliseconds), or null when absent; BAD_USER_INPUT for
 * anything else, and for an instant still to come: what the registry will know then is not an answer it can
 * give, nor reproduce.
 */
export function knownAtArgument(value: string | null | undefined, now: Date, path = 'knownAt'): string | null {
  if (value === null || value === undefined) return null;
  const parts = INSTANT.exec(value);
  // Date() rolls 2025-02-30 over into March: the calendar date is checked on its own.
  const instant = parts !== null && isCalendarDate(parts[1]) ? new Date(value) : null;
  if (instant === null || Number.isNaN(instant.getTime())) {
    throw badUserInput([{ path, message: `${JSON.stringify(value.slice(0, 60))} is not an ISO 8601 instant with a time zone, e.g. 2026-11-01T14:00:00Z` }]);
  }
  if (instant.getTime() > now.getTime()) throw badUserInput([{ path, message: 'must not be in the future' }]);
  return instant.toISOString();
}

/** The `knownAt` argument of every read: answer from the events recorded at or before this instant only. (No
 * description on the argument: signatures stay on one line of the SDL; the types' `knownAt` field says it.) */
export const KNOWN_AT = { type: () => String, nullable: true } as const;
