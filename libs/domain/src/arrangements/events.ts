import type { CalendarDate } from '../shared/calendar-date';

export const RECOGNITION_MODES = ['AUTOMATIC', 'ON_APPLICATION'] as const;

/** AUTOMATIC: every covered certificate is recognized between parties. ON_APPLICATION: a host-country CB
 * grants recognition certificate by certificate. */
export type RecognitionMode = (typeof RECOGNITION_MODES)[number];

export type MRASigned = {
  type: 'MRASigned';
  data: {
    id: string;
    title: string;
    /** CB ids, two or more, distinct. */
    parties: string[];
    /** Scheme codes covered. */
    schemes: string[];
    mode: RecognitionMode;
    effectiveFrom: CalendarDate;
    /** The last day in force, when the arrangement has an end. */
    expiresOn: CalendarDate | null;
    /** ON_APPLICATION only: the days a host-country party has to decide an application (absent: no period). */
    decisionPeriodDays?: number;
  };
};

export type MRAPartyAdmitted = {
  type: 'MRAPartyAdmitted';
  data: { id: string; cbId: string; effectiveOn: CalendarDate };
};

export type MRAPartyWithdrawn = {
  type: 'MRAPartyWithdrawn';
  data: { id: string; cbId: string; effectiveOn: CalendarDate };
};

export type MRAScopeAmended = {
  type: 'MRAScopeAmended';
  /** `schemes`: the new full list. */
  data: { id: string; schemes: string[]; effectiveOn: CalendarDate };
};

export type MRASuspended = {
  type: 'MRASuspended';
  data: { id: string; effectiveOn: CalendarDate; reason: string };
};

export type MRAReinstated = {
  type: 'MRAReinstated';
  data: { id: string; effectiveOn: CalendarDate; reason: string };
};

export type MRATerminated = {
  type: 'MRATerminated';
  data: { id: string; effectiveOn: CalendarDate; reason: string };
};

export type ArrangementEvent =
  | MRASigned
  | MRAPartyAdmitted
  | MRAPartyWithdrawn
  | MRAScopeAmended
  | MRASuspended
  | MRAReinstated
  | MRATerminated;

const TYPES: Record<ArrangementEvent['type'], true> = {
  MRASigned: true,
  MRAPartyAdmitted: true,
  MRAPartyWithdrawn: true,
  MRAScopeAmended: true,
  MRASuspended: true,
  MRAReinstated: true,
  MRATerminated: true,
};

export function isArrangementEvent(event: { type: string }): event is ArrangementEvent {
  return Object.hasOwn(TYPES, event.type);
}
