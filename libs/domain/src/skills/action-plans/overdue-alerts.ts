import type { DerivedFact } from '../../recognition-changes/derived-facts';
import type { RegistryEvent } from '../../registry-event';
import { addDays, type CalendarDate } from '../../shared/calendar-date';
import type { EventRef } from '../../shared/event-ref';
import { isActionPlanEvent } from './events';
import { overdueItemsAt } from './monitoring';
import { evolveActionPlanTimeline, targetsAt, type ActionPlanItem, type ActionPlanTimeline } from './timeline';

export type ActionPlanAlertsState = { plans: ActionPlanTimeline[]; overdue: string[]; upcoming: CalendarDate[]; calendar: CalendarDate | null };

/**
 * Derives, from the log in order, when an action-plan item becomes overdue (`ActionPlanItemOverdue`) and when
 * an item told overdue is reported done (`ActionPlanItemOverdueCleared`). Like `RecognitionChanges` it follows
 * the registry's calendar: an event is judged on the day it was recorded, and `advanceTo` walks through every
 * date on which a status may change with no event (the day after a due date, the date of a DONE report recorded
 * ahead of it), so the facts and their ids depend only on the log and the dates, whether the calendar moved
 * daily or caught up after downtime.
 */
export class ActionPlanAlerts {
  private readonly plans = new Map<string, ActionPlanTimeline>();
  /** The items overdue today, as `country:itemId`. */
  private readonly overdue = new Set<string>();
  /** The dates after today on which a status may change, ascending, each once. */
  private readonly upcoming: CalendarDate[] = [];
  private calendar: CalendarDate | null = null;

  /** Its whole state as plain JSON (action plans are few), for the notifier to persist beside its position. */
  snapshot(): ActionPlanAlertsState {
    return { plans: [...this.plans.values()], overdue: [...this.overdue], upcoming: [...this.upcoming], calendar: this.calendar };
  }

  /** Alerts resumed from a snapshot: they derive from there what they would have derived without stopping. */
  static restore(state: ActionPlanAlertsState): ActionPlanAlerts {
    const alerts = new ActionPlanAlerts();
    for (const plan of state.plans) alerts.plans.set(plan.stream, plan);
    for (const key of state.overdue) alerts.overdue.add(key);
    alerts.upcoming.push(...state.upcoming);
    alerts.calendar = state.calendar;
    return alerts;
  }

  nextDate(): CalendarDate | null {
    return this.upcoming[0] ?? null;
  }

  /** Folds one recorded event in, judged on the later of its recording date and today. */
  record(event: RegistryEvent, ref: EventRef, recordedOn: CalendarDate): DerivedFact[] {
    const facts = this.calendar !== null && recordedOn > this.calendar ? this.advanceTo(recordedOn) : [];
    if (this.calendar === null) this.calendar = recordedOn;
    if (!isActionPlanEvent(event)) return facts;
    const plan = evolveActionPlanTimeline(this.plans.get(ref.stream) ?? null, event, ref);
    if (plan === null) return facts;
    this.plans.set(ref.stream, plan);
    if (event.type === 'ActionPlanItemAdded') this.expect(addDays(event.data.dueOn, 1));
    if (event.type === 'ActionPlanProgressReported') this.expect(event.data.reportedOn);
    this.judge(plan, this.calendar, 'EVENT', facts);
    return facts;
  }

  /** Moves the calendar to `date`, through every date on the way (catching up after downtime). */
  advanceTo(date: CalendarDate): DerivedFact[] {
    const facts: DerivedFact[] = [];
    if (this.calendar === null || date <= this.calendar) return facts;
    while (this.upcoming.length > 0 && this.upcoming[0] <= date) {
      const boundary = this.upcoming.shift() as CalendarDate;
      this.calendar = boundary;
      for (const plan of this.plans.values()) this.judge(plan, boundary, 'CALENDAR', facts);
    }
    this.calendar = date;
    return facts;
  }

  private judge(plan: ActionPlanTimeline, asOf: CalendarDate, trigger: 'EVENT' | 'CALENDAR', facts: DerivedFact[]): void {
    const overdueNow = new Set(overdueItemsAt(plan, asOf).map((monitored) => monitored.item.itemId));
    for (const item of plan.items) {
      const key = `${plan.country}:${item.itemId}`;
      if (overdueNow.has(item.itemId) === this.overdue.has(key)) continue;
      const common = { ...itemOf(plan, item), targetCountries: targetsAt(plan, asOf), asOf, trigger };
      if (overdueNow.has(item.itemId)) {
        this.overdue.add(key);
        facts.push({ id: `overdue:${key}`, derived: true, type: 'ActionPlanItemOverdue', data: { ...common, cause: item.added } });
        continue;
      }
      this.overdue.delete(key);
      // Due dates are not amended, so only a DONE report dated by asOf ends an overdue item.
      const done = item.reports.find((report) => report.progress === 'DONE' && report.reportedOn <= asOf);
      if (done === undefined) continue;
      facts.push({ id: `overdue-cleared:${key}`, derived: true, type: 'ActionPlanItemOverdueCleared', data: { ...common, doneOn: done.reportedOn, cause: done.ref } });
    }
  }

  private expect(date: CalendarDate): void {
    if ((this.calendar !== null && date <= this.calendar) || this.upcoming.includes(date)) return;
    this.upcoming.push(date);
    this.upcoming.sort();
  }
}

function itemOf(plan: ActionPlanTimeline, item: ActionPlanItem) {
  return { country: plan.country, itemId: item.itemId, kind: item.kind, description: item.description, dueOn: item.dueOn };
}
