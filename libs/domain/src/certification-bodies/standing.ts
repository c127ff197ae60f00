import type { Assessment } from '../shared/assessment';
import type { CalendarDate } from '../shared/calendar-date';
import { governingAt } from '../shared/dated';
import type { CertificationBodyTimeline, ScopeStatement } from './timeline';

/** A CB's accreditation on a date. Precedence when several hold: WITHDRAWN, then EXPIRED, then SUSPENDED. */
export type AccreditationStatus = 'NOT_YET_ACCREDITED' | 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN' | 'EXPIRED';

const byEffectiveOn = (statement: { effectiveOn: CalendarDate }) => statement.effectiveOn;

export function accreditationStatusAt(timeline: CertificationBodyTimeline, asOf: CalendarDate): AccreditationStatus {
  if (asOf < timeline.accreditedOn) return 'NOT_YET_ACCREDITED';
  const change = governingAt(timeline.statusChanges, asOf, byEffectiveOn)?.change;
  if (change === 'WITHDRAWN') return 'WITHDRAWN';
  const validUntil = accreditationValidUntilAt(timeline, asOf);
  if (validUntil !== null && validUntil < asOf) return 'EXPIRED';
  return change === 'SUSPENDED' ? 'SUSPENDED' : 'ACTIVE';
}

/** The end of the validity in force on `asOf` (null before accreditation). */
export function accreditationValidUntilAt(timeline: CertificationBodyTimeline, asOf: CalendarDate): CalendarDate | null {
  return governingAt(timeline.validity, asOf, byEffectiveOn)?.validUntil ?? null;
}

/** The latest validity end on record, whatever the date. */
export function currentAccreditationValidUntil(timeline: CertificationBodyTimeline): CalendarDate {
  return timeline.validity[timeline.validity.length - 1].validUntil;
}

/** The scheme codes in scope on `asOf` (empty before accreditation). */
export function accreditationScopeAt(timeline: CertificationBodyTimeline, asOf: CalendarDate): string[] {
  return governingAt(timeline.scope, asOf, byEffectiveOn)?.scope ?? [];
}

/** The scheme codes in scope after the last recorded change. */
export function currentAccreditationScope(timeline: CertificationBodyTimeline): string[] {
  return timeline.scope.length > 0 ? timeline.scope[timeline.scope.length - 1].scope : [];
}

/** The record that last put `schemeCode` in or out of scope on or before `asOf`. */
function scopeStatementFor(timeline: CertificationBodyTimeline, schemeCode: string, asOf: CalendarDate): ScopeStatement | null {
  const touching = timeline.scope.filter((statement) => statement.schemes.includes(schemeCode));
  return governingAt(touching, asOf, byEffectiveOn);
}

/**
 * Condition 2 of the recognition rule, issuerAccredited: the CB holds an accreditation in force on `asOf` whose scope includes
 * the scheme. Every failing part is reported; scope is only judged once the CB was accredited at all.
 */
export type AccreditationReasonCode =
  | 'CB_NOT_ACCREDITED'
  | 'CB_ACCREDITATION_SUSPENDED'
  | 'CB_ACCREDITATION_WITHDRAWN'
  | 'CB_ACCREDITATION_EXPIRED'
  | 'SCHEME_NOT_IN_ACCREDITATION_SCOPE';

export function assessAccreditation(
  timeline: CertificationBodyTimeline | null,
  schemeCode: string,
  asOf: CalendarDate,
): Assessment<AccreditationReasonCode> {
  if (timeline === null) {
    return { failures: [{ code: 'CB_NOT_ACCREDITED', message: 'the issuing certification body has no accreditation on record' }], evidence: [] };
  }
  const { cbId } = timeline;
  const evidence = [timeline.accredited];
  if (asOf < timeline.accreditedOn) {
    const failure = { code: 'CB_NOT_ACCREDITED' as const, message: `certification body ${cbId} was not accredited until ${timeline.accreditedOn}` };
    return { failures: [failure], evidence };
  }
  const failures: Assessment<AccreditationReasonCode>['failures'] = [];
  const validity = governingAt(timeline.validity, asOf, byEffectiveOn);
  if (validity) {
    evidence.push(validity.ref);
    if (validity.validUntil < asOf) {
      failures.push({ code: 'CB_ACCREDITATION_EXPIRED', message: `the accreditation of ${cbId} expired after ${validity.validUntil}` });
    }
  }
  const change = governingAt(timeline.statusChanges, asOf, byEffectiveOn);
  if (change) {
    evidence.push(change.ref);
    if (change.change === 'SUSPENDED') {
      failures.push({ code: 'CB_ACCREDITATION_SUSPENDED', message: `the accreditation of ${cbId} is suspended from ${change.effectiveOn}: ${change.reason}` });
    } else if (change.change === 'WITHDRAWN') {
      failures.push({ code: 'CB_ACCREDITATION_WITHDRAWN', message: `the accreditation of ${cbId} was withdrawn on ${change.effectiveOn}: ${change.reason}` });
    }
  }
  const statement = scopeStatementFor(timeline, schemeCode, asOf);
  if (statement) evidence.push(statement.ref);
  if (!accreditationScopeAt(timeline, asOf).includes(schemeCode)) {
    failures.push({
      code: 'SCHEME_NOT_IN_ACCREDITATION_SCOPE',
      message: statement
        ? `scheme ${schemeCode} was removed from the scope of ${cbId} from ${statement.effectiveOn}`
        : `scheme ${schemeCode} is not in the accreditation scope of ${cbId}`,
    });
  }
  return { failures, evidence };
}
