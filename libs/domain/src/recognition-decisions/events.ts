import type { CalendarDate } from '../shared/calendar-date';

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
  };
};

/** From `decidedOn` the certificate is not recognized in `country`, whatever the arrangement's mode: the
 * revocation of a grant, or a refusal recorded without one. */
export type RecognitionRevoked = {
  type: 'RecognitionRevoked';
  data: { certificateNumber: string; country: string; decidedOn: CalendarDate; reason: string };
};

export type RecognitionEvent = RecognitionGranted | RecognitionRevoked;

const TYPES: Record<RecognitionEvent['type'], true> = { RecognitionGranted: true, RecognitionRevoked: true };

export function isRecognitionEvent(event: { type: string }): event is RecognitionEvent {
  return Object.hasOwn(TYPES, event.type);
}
