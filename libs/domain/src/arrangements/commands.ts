import type { Actor } from '../shared/actor';
import type { CalendarDate } from '../shared/calendar-date';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { RecognitionMode } from './events';

/** Every command here loads arrangement-<id>. */

/**
 * Facts: for each code in `schemes`, load scheme-<code> and pass the codes that are registered; for each
 * cbId in `parties`, fold cb-<cbId> into its timeline and pass those that exist.
 */
export type SignArrangement = {
  type: 'SignArrangement';
  data: {
    id: string;
    title: string;
    parties: string[];
    schemes: string[];
    mode: RecognitionMode;
    effectiveFrom: CalendarDate;
    expiresOn?: CalendarDate | null;
    decisionPeriodDays?: number | null;
  };
  actor: Actor;
  facts: { registeredSchemes: string[]; parties: CertificationBodyTimeline[] };
};

/** Facts: fold cb-<data.cbId> into its timeline (null when the stream is empty). */
export type AdmitArrangementParty = {
  type: 'AdmitArrangementParty';
  data: { id: string; cbId: string; effectiveOn: CalendarDate };
  actor: Actor;
  facts: { party: CertificationBodyTimeline | null };
};

export type WithdrawArrangementParty = {
  type: 'WithdrawArrangementParty';
  data: { id: string; cbId: string; effectiveOn: CalendarDate };
  actor: Actor;
};

/** Facts: for each code in `schemes`, load scheme-<code>; pass the codes that are registered. */
export type AmendArrangementScope = {
  type: 'AmendArrangementScope';
  data: { id: string; schemes: string[]; effectiveOn: CalendarDate };
  actor: Actor;
  facts: { registeredSchemes: string[] };
};

export type SuspendArrangement = {
  type: 'SuspendArrangement';
  data: { id: string; effectiveOn: CalendarDate; reason: string };
  actor: Actor;
};

export type ReinstateArrangement = {
  type: 'ReinstateArrangement';
  data: { id: string; effectiveOn: CalendarDate; reason: string };
  actor: Actor;
};

export type TerminateArrangement = {
  type: 'TerminateArrangement';
  data: { id: string; effectiveOn: CalendarDate; reason: string };
  actor: Actor;
};

export type ArrangementCommand =
  | SignArrangement
  | AdmitArrangementParty
  | WithdrawArrangementParty
  | AmendArrangementScope
  | SuspendArrangement
  | ReinstateArrangement
  | TerminateArrangement;
