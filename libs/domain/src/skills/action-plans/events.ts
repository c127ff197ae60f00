import type { CalendarDate } from '../../shared/calendar-date';

/** What an item of an action plan is about (the seeds' examples), OTHER for the rest. */
export const ACTION_ITEM_KINDS = ['IDENTIFY_SKILLS', 'REFERENCE_QUALIFICATION', 'TRAIN_ASSESSORS', 'SIGN_ARRANGEMENT', 'OTHER'] as const;
export type ActionItemKind = (typeof ACTION_ITEM_KINDS)[number];

export const PROGRESS_STATES = ['IN_PROGRESS', 'DONE'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

/** A country's action plan on mutual recognition of skills, with the member states it targets. */
export type ActionPlanAdopted = {
  type: 'ActionPlanAdopted';
  data: { country: string; title: string; targetCountries: string[]; adoptedOn: CalendarDate };
};

/** The plan's target member states from `amendedOn` (those adopted before). */
export type ActionPlanTargetsAmended = {
  type: 'ActionPlanTargetsAmended';
  data: { country: string; targetCountries: string[]; amendedOn: CalendarDate; reason: string };
};

export type ActionPlanItemAdded = {
  type: 'ActionPlanItemAdded';
  data: { country: string; itemId: string; kind: ActionItemKind; description: string; dueOn: CalendarDate };
};

/** The skills focal point's report on one item, dated; DONE closes the item. */
export type ActionPlanProgressReported = {
  type: 'ActionPlanProgressReported';
  data: { country: string; itemId: string; progress: ProgressState; note: string; reportedOn: CalendarDate };
};

export type ActionPlanEvent = ActionPlanAdopted | ActionPlanTargetsAmended | ActionPlanItemAdded | ActionPlanProgressReported;

const TYPES: Record<ActionPlanEvent['type'], true> = {
  ActionPlanAdopted: true,
  ActionPlanTargetsAmended: true,
  ActionPlanItemAdded: true,
  ActionPlanProgressReported: true,
};

export function isActionPlanEvent(event: { type: string }): event is ActionPlanEvent {
  return Object.hasOwn(TYPES, event.type);
}
