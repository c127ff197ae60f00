import type { ArrangementTimeline } from '../arrangements/timeline';
import type { CertificateTimeline } from '../certificates/timeline';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { Actor } from '../shared/actor';
import type { CalendarDate } from '../shared/calendar-date';

/** Every command here loads recognition-<certificateNumber>-<COUNTRY> (see recognitionStream). */

/** The deciding side of a recognition decision. Fold each stream into its timeline; null when empty. */
export type DecisionFacts = {
  /** certificate-<certificateNumber> */
  certificate: CertificateTimeline | null;
  /** cb-<the certificate's cbId> */
  issuingBody: CertificationBodyTimeline | null;
  /** cb-<actor.cbId>: the host-country CB deciding. */
  hostBody: CertificationBodyTimeline | null;
};

/** Facts: DecisionFacts plus arrangement-<arrangementId>. */
export type GrantRecognition = {
  type: 'GrantRecognition';
  data: {
    certificateNumber: string;
    country: string;
    arrangementId: string;
    decidedOn: CalendarDate;
    conditions?: string | null;
    /** The last day the grant holds; null or absent: no end of its own. */
    validUntil?: CalendarDate | null;
  };
  actor: Actor;
  facts: DecisionFacts & { arrangement: ArrangementTimeline | null };
};

/**
 * Facts: DecisionFacts plus arrangement-<the arrangement acted under>: `data.arrangementId`, else the one of the
 * grant on record (read from the recognition stream).
 */
export type RevokeRecognition = {
  type: 'RevokeRecognition';
  data: { certificateNumber: string; country: string; decidedOn: CalendarDate; reason: string; arrangementId?: string | null };
  actor: Actor;
  facts: DecisionFacts & { arrangement: ArrangementTimeline | null };
};

/**
 * Sent by the certificate's own CB. Facts: DecisionFacts (hostBody is the applicant's own cb-<actor.cbId>, not
 * read) plus arrangement-<arrangementId>.
 */
export type ApplyForRecognition = {
  type: 'ApplyForRecognition';
  data: { certificateNumber: string; country: string; arrangementId: string; appliedOn: CalendarDate; note?: string | null };
  actor: Actor;
  facts: DecisionFacts & { arrangement: ArrangementTimeline | null };
};

/**
 * Facts: DecisionFacts plus arrangement-<the arrangement acted under>: `data.arrangementId`, else the pending
 * application's (read from the recognition stream).
 */
export type RefuseRecognition = {
  type: 'RefuseRecognition';
  data: {
    certificateNumber: string;
    country: string;
    decidedOn: CalendarDate;
    reasonCode: string;
    note?: string | null;
    arrangementId?: string | null;
  };
  actor: Actor;
  facts: DecisionFacts & { arrangement: ArrangementTimeline | null };
};

export type RecognitionCommand = ApplyForRecognition | GrantRecognition | RevokeRecognition | RefuseRecognition;
