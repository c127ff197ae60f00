import type { Actor } from '../shared/actor';
import type { CalendarDate } from '../shared/calendar-date';

/** Every command here loads cb-<cbId>. */

/** Facts: for each code in `scope`, load scheme-<code>; pass the codes whose stream holds SchemeRegistered. */
export type AccreditCertificationBody = {
  type: 'AccreditCertificationBody';
  data: {
    cbId: string;
    name: string;
    country: string;
    scope: string[];
    accreditedOn: CalendarDate;
    validUntil: CalendarDate;
  };
  actor: Actor;
  facts: { registeredSchemes: string[] };
};

export type RenewAccreditation = {
  type: 'RenewAccreditation';
  data: { cbId: string; effectiveOn: CalendarDate; validUntil: CalendarDate };
  actor: Actor;
};

/** Facts: for each code in `schemes`, load scheme-<code>; pass the codes whose stream holds SchemeRegistered. */
export type ExtendAccreditationScope = {
  type: 'ExtendAccreditationScope';
  data: { cbId: string; schemes: string[]; effectiveOn: CalendarDate };
  actor: Actor;
  facts: { registeredSchemes: string[] };
};

export type ReduceAccreditationScope = {
  type: 'ReduceAccreditationScope';
  data: { cbId: string; schemes: string[]; effectiveOn: CalendarDate };
  actor: Actor;
};

export type SuspendAccreditation = {
  type: 'SuspendAccreditation';
  /** `until`: if not reinstated by then, the accreditation is withdrawn from that date (a process manager sends it). */
  data: { cbId: string; effectiveOn: CalendarDate; reason: string; until?: CalendarDate | null };
  actor: Actor;
};

export type ReinstateAccreditation = {
  type: 'ReinstateAccreditation';
  data: { cbId: string; effectiveOn: CalendarDate; reason: string };
  actor: Actor;
};

export type WithdrawAccreditation = {
  type: 'WithdrawAccreditation';
  data: { cbId: string; effectiveOn: CalendarDate; reason: string };
  actor: Actor;
};

export type CertificationBodyCommand =
  | AccreditCertificationBody
  | RenewAccreditation
  | ExtendAccreditationScope
  | ReduceAccreditationScope
  | SuspendAccreditation
  | ReinstateAccreditation
  | WithdrawAccreditation;
