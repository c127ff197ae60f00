import type { Actor } from '../../shared/actor';
import type { CalendarDate } from '../../shared/calendar-date';
import type { ActionItemKind, ProgressState } from './events';

/** Every command here loads actionplan-<COUNTRY> (see actionPlanStream). No facts. */

export type AdoptActionPlan = {
  type: 'AdoptActionPlan';
  data: { country: string; title: string; targetCountries: string[]; adoptedOn: CalendarDate };
  actor: Actor;
};

/** The member states the plan targets from `amendedOn` (a country names new targets as its plan moves on). */
export type AmendActionPlanTargets = {
  type: 'AmendActionPlanTargets';
  data: { country: string; targetCountries: string[]; amendedOn: CalendarDate; reason: string };
  actor: Actor;
};

export type AddActionPlanItem = {
  type: 'AddActionPlanItem';
  data: { country: string; itemId: string; kind: ActionItemKind; description: string; dueOn: CalendarDate };
  actor: Actor;
};

export type ReportActionPlanProgress = {
  type: 'ReportActionPlanProgress';
  data: { country: string; itemId: string; progress: ProgressState; note: string; reportedOn: CalendarDate };
  actor: Actor;
};

export type ActionPlanCommand = AdoptActionPlan | AmendActionPlanTargets | AddActionPlanItem | ReportActionPlanProgress;
