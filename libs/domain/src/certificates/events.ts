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

export type CertificateEvent =
  | CertificateIssued
  | CertificateRenewed
  | CertificateSuspended
  | CertificateReinstated
  | CertificateWithdrawn
  | CertificateCancelled;

const TYPES: Record<CertificateEvent['type'], true> = {
  CertificateIssued: true,
  CertificateRenewed: true,
  CertificateSuspended: true,
  CertificateReinstated: true,
  CertificateWithdrawn: true,
  CertificateCancelled: true,
};

export function isCertificateEvent(event: { type: string }): event is CertificateEvent {
  return Object.hasOwn(TYPES, event.type);
}
