import type { CalendarDate } from '../../shared/calendar-date';

/** From `linkedOn` a scheme's certificates are the national qualification `qualificationId`, or sit directly at
 * `aqrfLevel`: exactly one of the two is set. A later link replaces an earlier one from its date. */
export type SchemeLinkedToQualification = {
  type: 'SchemeLinkedToQualification';
  data: { schemeCode: string; qualificationId: string | null; aqrfLevel: number | null; linkedOn: CalendarDate };
};

export type SchemeLinkEvent = SchemeLinkedToQualification;

const TYPES: Record<SchemeLinkEvent['type'], true> = { SchemeLinkedToQualification: true };

export function isSchemeLinkEvent(event: { type: string }): event is SchemeLinkEvent {
  return Object.hasOwn(TYPES, event.type);
}
