import type { Actor } from '../../shared/actor';
import type { CalendarDate } from '../../shared/calendar-date';
import type { FrameworkLevel, LevelReference } from './events';

/** Every command here loads nqf-<COUNTRY> (see nationalFrameworkStream). No facts. */

export type RegisterNationalFramework = {
  type: 'RegisterNationalFramework';
  data: { country: string; title: string; levels: FrameworkLevel[] };
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
  | StartAqrfReferencing
  | AmendAqrfReferencing
  | SubmitAqrfReferencing
  | EndorseAqrfReferencing;
