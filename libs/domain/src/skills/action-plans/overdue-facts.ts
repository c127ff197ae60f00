import type { ChangeTrigger } from '../../recognition-changes/derived-facts';
import type { CalendarDate } from '../../shared/calendar-date';
import type { EventRef } from '../../shared/event-ref';
import type { ActionItemKind } from './events';

type ItemFact = {
  /** The country whose action plan holds the item. */
  country: string;
  itemId: string;
  kind: ActionItemKind;
  description: string;
  dueOn: CalendarDate;
  /** The member states the plan targets on `asOf`. */
  targetCountries: string[];
  /** The first date on which the item is (or is no longer) overdue. */
  asOf: CalendarDate;
  /** The recorded event the change rests on: the item's addition (overdue) or its DONE report (cleared). */
  cause: EventRef;
  trigger: ChangeTrigger;
};

/** "KH's item `assessors`, due 2016-06-30, is overdue from 2016-07-01": no DONE report dated by its due date. */
export type ActionPlanItemOverdue = { type: 'ActionPlanItemOverdue'; data: ItemFact };

/** An item told overdue is reported done: the watcher who heard the first hears the end of it. */
export type ActionPlanItemOverdueCleared = { type: 'ActionPlanItemOverdueCleared'; data: ItemFact & { doneOn: CalendarDate } };

export type ActionPlanFactBody = ActionPlanItemOverdue | ActionPlanItemOverdueCleared;

export const ACTION_PLAN_FACT_TYPES = ['ActionPlanItemOverdue', 'ActionPlanItemOverdueCleared'] as const satisfies readonly ActionPlanFactBody['type'][];

export function isActionPlanFact<Fact extends { type: string }>(fact: Fact): fact is Extract<Fact, ActionPlanFactBody> {
  return (ACTION_PLAN_FACT_TYPES as readonly string[]).includes(fact.type);
}
