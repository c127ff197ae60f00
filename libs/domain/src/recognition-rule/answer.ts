import type { CalendarDate } from '../shared/calendar-date';
import type { EventRef } from '../shared/event-ref';
import type { Reason } from './reason-codes';

export type RecognitionBasis = 'HOME' | 'ARRANGEMENT' | 'DECISION';

/** "Is this certificate recognized in this country on this date, why or why not, and on which records?" */
export type RecognitionAnswer = {
  certificateNumber: string;
  /** Upper-case ISO 3166-1 alpha-2. */
  country: string;
  asOf: CalendarDate;
  recognized: boolean;
  /** Set only when recognized. */
  basis: RecognitionBasis | null;
  /** The arrangement recognized under; set only when the basis is ARRANGEMENT or DECISION. */
  arrangementId: string | null;
  /** When recognized: the earliest end among certificate, accreditation and arrangement in force on asOf. */
  validUntil: CalendarDate | null;
  /** The host country's conditions on its grant, when the basis is DECISION and it set any. */
  conditions: string | null;
  /** When the basis is DECISION: whether the grant decided an application (true) or was taken without one. */
  decidedOnApplication: boolean | null;
  /** Every failed condition; empty when recognized. */
  reasons: Reason[];
  /** The recorded events the answer rests on, once each, in global-log order. */
  evidence: EventRef[];
};
