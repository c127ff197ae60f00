import type { Actor } from '../../shared/actor';
import type { CalendarDate } from '../../shared/calendar-date';
import type { FrameworkLevel, LevelReference } from './events';

/** Every command here loads nqf-<COUNTRY> (see nationalFrameworkStream). No facts. */

export type RegisterNationalFramework = {
  type: 'RegisterNationalFramework';
  data: { country: string; title: string; levels: FrameworkLevel[] };
  actor: Actor;
};

/** New levels for the framework. Once its referencing has begun, the levels it references change with them:
 * the command carries the referencing of the new levels, recorded as a new version in progress, which must be
 * submitted and endorsed again (the endorsed version stays in force meanwhile). */
export type AmendNationalFrameworkLevels = {
  type: 'AmendNationalFrameworkLevels';
  data: { country: string; levels: FrameworkLevel[]; references?: LevelReference[] | null; amendedOn: CalendarDate; reason: string };
  actor: Actor;
};

export type StartAqrfReferencing = {
  type: 'StartAqrfReferencing';
  data: { country: string; references: LevelReference[]; startedOn: CalendarDate };
  actor: Actor;
};

export type AmendAqrfReferencing = {
  type: 'AmendAqrfReferencing';
  data: { country: string; references: LevelReference[]; amendedOn: CalendarDate; reason: string };
  actor: Actor;
};

export type SubmitAqrfReferencing = {
  type: 'SubmitAqrfReferencing';
  data: { country: string; submittedOn: CalendarDate };
  actor: Actor;
};

export type EndorseAqrfReferencing = {
  type: 'EndorseAqrfReferencing';
  data: { country: string; endorsedOn: CalendarDate };
  actor: Actor;
};

export type NationalFrameworkCommand =
  | RegisterNationalFramework
  | AmendNationalFrameworkLevels
  | StartAqrfReferencing
  | AmendAqrfReferencing
  | SubmitAqrfReferencing
  | EndorseAqrfReferencing;
