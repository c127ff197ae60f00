import type { RecognitionBasis } from '../recognition-rule/answer';
import type { Reason } from '../recognition-rule/reason-codes';
import type { CalendarDate } from '../shared/calendar-date';
import type { EventRef } from '../shared/event-ref';
import { ACTION_PLAN_FACT_TYPES, type ActionPlanFactBody } from '../skills/action-plans/overdue-facts';

/** The stream of facts derived from the log: never appended to the log, rebuilt from it at will. It holds the
 * recognition facts and, beside them, the action plans' overdue alerts (one outbox, one order for watchers). */
export const DERIVED_RECOGNITION_STREAM = 'derived-recognition';

/** What made the answer change: an event recorded (`EVENT`), or a date an earlier event named arriving (`CALENDAR`). */
export type ChangeTrigger = 'EVENT' | 'CALENDAR';

type PairFact = {
  certificateNumber: string;
  /** Upper-case ISO 3166-1 alpha-2. */
  country: string;
  /** The certificate's issuing CB. */
  cbId: string;
  /** The first date on which the answer is the new one. */
  asOf: CalendarDate;
  /** The recorded event that caused the change (for CALENDAR: the one whose date arrived). */
  cause: EventRef;
  trigger: ChangeTrigger;
};

/** "TH-PS-2024-0001 is no longer recognized in MY from 2025-09-01, because …": yes turned to no. */
export type RecognitionLapsed = {
  type: 'RecognitionLapsed';
  data: PairFact & {
    /** The arrangement the certificate was recognized under until then, if any. */
    arrangementId: string | null;
    reasons: Reason[];
  };
};

/** No turned to yes. A certificate's first answers, on its issuance, are told by no fact: no one held one before. */
export type RecognitionRestored = {
  type: 'RecognitionRestored';
  data: PairFact & { basis: RecognitionBasis | null; arrangementId: string | null; validUntil: CalendarDate | null };
};

/** A notice to the issuing CB: the certificate's validity ends in `daysBefore` days. */
export type CertificateExpiring = {
  type: 'CertificateExpiring';
  data: { certificateNumber: string; cbId: string; validUntil: CalendarDate; daysBefore: number; asOf: CalendarDate; cause: EventRef };
};

export type RecognitionFactBody = RecognitionLapsed | RecognitionRestored | CertificateExpiring;

export type DerivedFactBody = RecognitionFactBody | ActionPlanFactBody;

/** A derived fact with its deterministic id: deriving again from the same log gives the same ids, so a store
 * of facts and the deliveries made from them stay deduplicated across restarts and rebuilds. */
export type DerivedFact = DerivedFactBody & { id: string; derived: true };

/** A fact about a (certificate, country) answer or a certificate: what the recognition subscriptions follow. */
export type RecognitionFact = RecognitionFactBody & { id: string; derived: true };

export const RECOGNITION_FACT_TYPES = ['RecognitionLapsed', 'RecognitionRestored', 'CertificateExpiring'] as const satisfies readonly RecognitionFactBody['type'][];

export const DERIVED_FACT_TYPES = [...RECOGNITION_FACT_TYPES, ...ACTION_PLAN_FACT_TYPES] as const satisfies readonly DerivedFactBody['type'][];

export function isRecognitionFact(fact: DerivedFact): fact is RecognitionFact {
  return (RECOGNITION_FACT_TYPES as readonly string[]).includes(fact.type);
}

/** Expiry notices go out this many days before a certificate's validity ends. */
export const EXPIRY_NOTICE_DAYS = [90, 30] as const;
