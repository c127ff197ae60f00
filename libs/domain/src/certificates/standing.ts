import type { Assessment } from '../shared/assessment';
import type { CalendarDate } from '../shared/calendar-date';
import { governingAt } from '../shared/dated';
import type { CertificateTimeline } from './timeline';

/**
 * A certificate's status on a date. When several hold, the most telling wins: CANCELLED (void for every date),
 * NOT_YET_VALID, WITHDRAWN, EXPIRED, then SUSPENDED.
 */
export type CertificateStatus = 'ACTIVE' | 'SUSPENDED' | 'WITHDRAWN' | 'CANCELLED' | 'EXPIRED' | 'NOT_YET_VALID';

const byEffectiveOn = (statement: { effectiveOn: CalendarDate }) => statement.effectiveOn;

export function certificateStatusAt(timeline: CertificateTimeline, asOf: CalendarDate): CertificateStatus {
  if (timeline.cancellation) return 'CANCELLED';
  if (asOf < timeline.issuedOn) return 'NOT_YET_VALID';
  const change = governingAt(timeline.statusChanges, asOf, byEffectiveOn)?.change;
  if (change === 'WITHDRAWN') return 'WITHDRAWN';
  const validUntil = certificateValidUntilAt(timeline, asOf);
  if (validUntil !== null && validUntil < asOf) return 'EXPIRED';
  return change === 'SUSPENDED' ? 'SUSPENDED' : 'ACTIVE';
}

/** The end of the validity in force on `asOf`: the or the latest renewal effective by then. Null
 * before issue. */
export function certificateValidUntilAt(timeline: CertificateTimeline, asOf: CalendarDate): CalendarDate | null {
  return governingAt(timeline.validity, asOf, byEffectiveOn)?.validUntil ?? null;
}

/** The latest validity end on record, whatever the date. */
export function currentCertificateValidUntil(timeline: CertificateTimeline): CalendarDate {
  return timeline.validity[timeline.validity.length - 1].validUntil;
}

export type CertificateReasonCode =
  | 'CERTIFICATE_NOT_YET_VALID'
  | 'CERTIFICATE_EXPIRED'
  | 'CERTIFICATE_SUSPENDED'
  | 'CERTIFICATE_WITHDRAWN'
  | 'CERTIFICATE_CANCELLED';

/** Condition 1 of the recognition rule, certificateValid, on `asOf`: every failing part listed. */
export function assessCertificate(timeline: CertificateTimeline, asOf: CalendarDate): Assessment<CertificateReasonCode> {
  const { number } = timeline;
  const failures: Assessment<CertificateReasonCode>['failures'] = [];
  const evidence = [timeline.issued];
  if (timeline.cancellation) {
    evidence.push(timeline.cancellation.ref);
    failures.push({
      code: 'CERTIFICATE_CANCELLED',
      // The reasons a CB records about a holder are not on the printed certificate: public answers leave them out.
      message: `certificate ${number} was cancelled as issued in error and is void for every date`,
    });
  }
  if (asOf < timeline.issuedOn) {
    failures.push({ code: 'CERTIFICATE_NOT_YET_VALID', message: `certificate ${number} is valid only from ${timeline.issuedOn}` });
    return { failures, evidence };
  }
  const validity = governingAt(timeline.validity, asOf, byEffectiveOn);
  if (validity) {
    evidence.push(validity.ref);
    if (validity.validUntil < asOf) {
      failures.push({ code: 'CERTIFICATE_EXPIRED', message: `certificate ${number} expired after ${validity.validUntil}` });
    }
  }
  const change = governingAt(timeline.statusChanges, asOf, byEffectiveOn);
  if (change) {
    evidence.push(change.ref);
    if (change.change === 'SUSPENDED') {
      failures.push({ code: 'CERTIFICATE_SUSPENDED', message: `certificate ${number} is suspended from ${change.effectiveOn}` });
    } else if (change.change === 'WITHDRAWN') {
      failures.push({ code: 'CERTIFICATE_WITHDRAWN', message: `certificate ${number} was withdrawn on ${change.effectiveOn}` });
    }
  }
  return { failures, evidence };
}
