import type { CalendarDate } from '../shared/calendar-date';

export type CertificationBodyAccredited = {
  type: 'CertificationBodyAccredited';
  data: {
    cbId: string;
    name: string;
    /** ISO 3166-1 alpha-2, upper-case. */
    country: string;
    /** Scheme codes. */
    scope: string[];
    accreditedOn: CalendarDate;
    validUntil: CalendarDate;
  };
};

export type AccreditationRenewed = {
  type: 'AccreditationRenewed';
  data: { cbId: string; effectiveOn: CalendarDate; validUntil: CalendarDate };
};

export type AccreditationScopeExtended = {
  type: 'AccreditationScopeExtended';
  /** `schemes`: the codes added. */
  data: { cbId: string; schemes: string[]; effectiveOn: CalendarDate };
};

export type AccreditationScopeReduced = {
  type: 'AccreditationScopeReduced';
  /** `schemes`: the codes removed. */
  data: { cbId: string; schemes: string[]; effectiveOn: CalendarDate };
};

/** `until`, when set: not reinstated by then, the accreditation is withdrawn from that date. */
export type AccreditationSuspended = {
  type: 'AccreditationSuspended';
  data: { cbId: string; effectiveOn: CalendarDate; reason: string; until?: CalendarDate };
};

export type AccreditationReinstated = {
  type: 'AccreditationReinstated';
  data: { cbId: string; effectiveOn: CalendarDate; reason: string };
};

export type AccreditationWithdrawn = {
  type: 'AccreditationWithdrawn';
  data: { cbId: string; effectiveOn: CalendarDate; reason: string };
};

export type CertificationBodyEvent =
  | CertificationBodyAccredited
  | AccreditationRenewed
  | AccreditationScopeExtended
  | AccreditationScopeReduced
  | AccreditationSuspended
  | AccreditationReinstated
  | AccreditationWithdrawn;

const TYPES: Record<CertificationBodyEvent['type'], true> = {
  CertificationBodyAccredited: true,
  AccreditationRenewed: true,
  AccreditationScopeExtended: true,
  AccreditationScopeReduced: true,
  AccreditationSuspended: true,
  AccreditationReinstated: true,
  AccreditationWithdrawn: true,
};

export function isCertificationBodyEvent(event: { type: string }): event is CertificationBodyEvent {
  return Object.hasOwn(TYPES, event.type);
}
