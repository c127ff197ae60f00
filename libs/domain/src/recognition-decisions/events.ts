import type { CalendarDate } from '../shared/calendar-date';
import type { RefusalReason } from './refusal-reasons';

/**
 * The holder's CB asks the host country to recognize one certificate under an ON_APPLICATION arrangement.
 * `applicationId` is `<certificateNumber>/<COUNTRY>/<n>`, n counting the applications on the pair from 1.
 */
export type RecognitionApplied = {
  type: 'RecognitionApplied';
  data: {
    applicationId: string;
    certificateNumber: string;
    /** ISO 3166-1 alpha-2, upper-case: the host country. */
    country: string;
    arrangementId: string;
    appliedOn: CalendarDate;
    /** The applicant's supporting note; null when none. */
    note: string | null;
  };
};

/** A host-country CB recognizes one certificate under an ON_APPLICATION arrangement from `decidedOn`. */
export type RecognitionGranted = {
  type: 'RecognitionGranted';
  data: {
    certificateNumber: string;
    /** ISO 3166-1 alpha-2, upper-case: the host country. */
    country: string;
    arrangementId: string;
    decidedOn: CalendarDate;
    conditions: string | null;
    /** The last day the grant holds, when it has an end (absent on grants recorded before ends existed). */
    validUntil?: CalendarDate | null;
    /** The application this grant decides; null (or absent, on older grants) when taken without one. */
    applicationId?: string | null;
  };
};

/** From `decidedOn` the certificate is not recognized in `country`, whatever the arrangement's mode: the
 * revocation of a grant, or a refusal recorded without one. */
export type RecognitionRevoked = {
  type: 'RecognitionRevoked';
  data: { certificateNumber: string; country: string; decidedOn: CalendarDate; reason: string };
};

/** The host-country CB declines to grant, for a reason from the published list: it decides the pending
 * application when there is one; a later application may be granted. */
export type RecognitionRefused = {
  type: 'RecognitionRefused';
  data: {
    certificateNumber: string;
    country: string;
    arrangementId: string;
    decidedOn: CalendarDate;
    reasonCode: RefusalReason;
    note: string | null;
    applicationId: string | null;
  };
};

export type RecognitionEvent = RecognitionApplied | RecognitionGranted | RecognitionRevoked | RecognitionRefused;

const TYPES: Record<RecognitionEvent['type'], true> = {
  RecognitionApplied: true,
  RecognitionGranted: true,
  RecognitionRevoked: true,
  RecognitionRefused: true,
};

export function isRecognitionEvent(event: { type: string }): event is RecognitionEvent {
  return Object.hasOwn(TYPES, event.type);
}
