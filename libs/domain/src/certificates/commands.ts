import type { Actor } from '../shared/actor';
import type { CalendarDate } from '../shared/calendar-date';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { NumberPrefixClaim } from '../number-prefixes/number-prefix';

/** Every command here loads certificate-<number>. */

/** Facts: fold cb-<data.cbId> into its timeline (null when the stream is empty), and read the declarations
 * among numberprefix-<each of candidatePrefixes(number)>. */
export type IssueCertificate = {
  type: 'IssueCertificate';
  data: {
    number: string;
    cbId: string;
    schemeCode: string;
    holderName: string;
    issuedOn: CalendarDate;
    validUntil: CalendarDate;
  };
  actor: Actor;
  facts: { issuingBody: CertificationBodyTimeline | null; numberPrefixClaims: NumberPrefixClaim[] };
};

/** Facts: fold cb-<the certificate's cbId, from its CertificateIssued> into its timeline. */
export type RenewCertificate = {
  type: 'RenewCertificate';
  data: { number: string; effectiveOn: CalendarDate; validUntil: CalendarDate };
  actor: Actor;
  facts: { issuingBody: CertificationBodyTimeline | null };
};

export type SuspendCertificate = {
  type: 'SuspendCertificate';
  /** `until`: if not reinstated by then, the certificate is withdrawn from that date (a process manager sends it). */
  data: { number: string; effectiveOn: CalendarDate; reason: string; until?: CalendarDate | null };
  actor: Actor;
};

export type ReinstateCertificate = {
  type: 'ReinstateCertificate';
  data: { number: string; effectiveOn: CalendarDate; reason: string };
  actor: Actor;
};

export type WithdrawCertificate = {
  type: 'WithdrawCertificate';
  data: { number: string; effectiveOn: CalendarDate; reason: string };
  actor: Actor;
};

export type CancelCertificate = {
  type: 'CancelCertificate';
  data: { number: string; effectiveOn: CalendarDate; reason: string };
  actor: Actor;
};

/** `field` names a printed field (CORRECTABLE_FIELDS); `value` is what should have been printed. */
export type CorrectCertificate = {
  type: 'CorrectCertificate';
  data: { number: string; field: string; value: string; reason: string };
  actor: Actor;
};

export type CertificateCommand =
  | IssueCertificate
  | CorrectCertificate
  | RenewCertificate
  | SuspendCertificate
  | ReinstateCertificate
  | WithdrawCertificate
  | CancelCertificate;
