import type { CalendarDate } from './calendar-date';
import type { EventRef } from './event-ref';

/** "Valid from `effectiveOn` until `validUntil` (inclusive)": an issue, an accreditation or a renewal.
 * On a date, the latest statement effective on or before it governs. */
export type ValidityStatement = {
  effectiveOn: CalendarDate;
  validUntil: CalendarDate;
  ref: EventRef;
};

/** A dated lifecycle change such as a suspension, with the record that made it. */
export type LifecycleChange<Change extends string> = {
  effectiveOn: CalendarDate;
  change: Change;
  reason: string;
  ref: EventRef;
};
