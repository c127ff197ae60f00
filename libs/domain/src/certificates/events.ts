import type { CalendarDate } from '../shared/calendar-date';

export type CertificateIssued = {
  type: 'CertificateIssued';
  data: {
    number: string;
    cbId: string;
    schemeCode: string;
    holderName: string;
    issuedOn: CalendarDate;
    validUntil: CalendarDate;
  };
};

/** Recertification: valid from `effectiveOn` until the new `validUntil`. */
export type CertificateRenewed = {
  type: 'CertificateRenewed';
  data: { number: string; effectiveOn: CalendarDate; validUntil: CalendarDate };
};

/** `until`, when set: not reinstated by then, the certificate is withdrawn from that date. */
export type CertificateSuspended = {
  type: 'CertificateSuspended';
  data: { number: string; effectiveOn: CalendarDate; reason: string; until?: CalendarDate };
};

export type CertificateReinstated = {
  type: 'CertificateReinstated';
  data: { number: string; effectiveOn: CalendarDate; reason: string };
};

export type CertificateWithdrawn = {
  type: 'CertificateWithdrawn';
  data: { number: string; effectiveOn: CalendarDate; reason: string };
};

/** Issued in error: the certificate is void for every date, before and after `effectiveOn`. */
export type CertificateCancelled = {
  type: 'CertificateCancelled';
  data: { number: string; effectiveOn: CalendarDate; reason: string };
};

/**
 * A printed field was issued wrongly and is corrected for every date (not a business change: no date of its own).
 * `from` is what was printed until now, so the history shows both.
 */
export type CertificateCorrected = {
  type: 'CertificateCorrected';
  data: { number: string; field: CorrectableField; from: string; to: string; reason: string };
};

/** The printed fields a CB may correct. The number is not one: renumbering is a cancellation and a new issue. */
export const CORRECTABLE_FIELDS = ['holderName'] as const;

export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export type CertificateEvent =
  | CertificateIssued
  | CertificateCorrected
  | CertificateRenewed
  | CertificateSuspended
  | CertificateReinstated
  | CertificateWithdrawn
  | CertificateCancelled;

const TYPES: Record<CertificateEvent['type'], true> = {
  CertificateIssued: true,
  CertificateCorrected: true,
  CertificateRenewed: true,
  CertificateSuspended: true,
  CertificateReinstated: true,
  CertificateWithdrawn: true,
  CertificateCancelled: true,
};

export function isCertificateEvent(event: { type: string }): event is CertificateEvent {
  return Object.hasOwn(TYPES, event.type);
}
