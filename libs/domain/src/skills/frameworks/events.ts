import type { CalendarDate } from '../../shared/calendar-date';

export type FrameworkLevel = { level: number; title: string };

/** One line of a referencing: this level of the national framework sits at that AQRF level. */
export type LevelReference = { nqfLevel: number; aqrfLevel: number };

export type NationalFrameworkRegistered = {
  type: 'NationalFrameworkRegistered';
  data: { country: string; title: string; levels: FrameworkLevel[] };
};

/** The framework's levels from `amendedOn` (those registered before). */
export type NationalFrameworkLevelsAmended = {
  type: 'NationalFrameworkLevelsAmended';
  data: { country: string; levels: FrameworkLevel[]; amendedOn: CalendarDate; reason: string };
};

/** Version 1 of the referencing, in progress from `startedOn`. */
export type AqrfReferencingStarted = {
  type: 'AqrfReferencingStarted';
  data: { country: string; version: number; references: LevelReference[]; startedOn: CalendarDate };
};

/** A new version, in progress from `amendedOn`. An endorsed earlier version stays in force until this one is endorsed. */
export type AqrfReferencingAmended = {
  type: 'AqrfReferencingAmended';
  data: { country: string; version: number; references: LevelReference[]; amendedOn: CalendarDate; reason: string };
};

export type AqrfReferencingSubmitted = {
  type: 'AqrfReferencingSubmitted';
  data: { country: string; version: number; submittedOn: CalendarDate };
};

/** From `endorsedOn` this version is the country's referencing in force. */
export type AqrfReferencingEndorsed = {
  type: 'AqrfReferencingEndorsed';
  data: { country: string; version: number; endorsedOn: CalendarDate };
};

export type NationalFrameworkEvent =
  | NationalFrameworkRegistered
  | NationalFrameworkLevelsAmended
  | AqrfReferencingStarted
  | AqrfReferencingAmended
  | AqrfReferencingSubmitted
  | AqrfReferencingEndorsed;

const TYPES: Record<NationalFrameworkEvent['type'], true> = {
  NationalFrameworkRegistered: true,
  NationalFrameworkLevelsAmended: true,
  AqrfReferencingStarted: true,
  AqrfReferencingAmended: true,
  AqrfReferencingSubmitted: true,
  AqrfReferencingEndorsed: true,
};

export function isNationalFrameworkEvent(event: { type: string }): event is NationalFrameworkEvent {
  return Object.hasOwn(TYPES, event.type);
}
