import type { CalendarDate } from '../../shared/calendar-date';
import type { EventRef } from '../../shared/event-ref';
import type { ActionPlanItem, ActionPlanTimeline, ProgressReport } from './timeline';

export type ItemStatus = 'DONE' | 'ON_TRACK' | 'OVERDUE';

export type MonitoredItem = {
  item: ActionPlanItem;
  status: ItemStatus;
  /** The date of the DONE report, when done by asOf. */
  doneOn: CalendarDate | null;
  /** Done after its due date. */
  late: boolean;
  /** The latest report dated on or before asOf. */
  lastReport: ProgressReport | null;
  evidence: EventRef[];
};

export type StatusCounts = { done: number; onTrack: number; overdue: number };

export type PlanMonitoring = { plan: ActionPlanTimeline; asOf: CalendarDate; items: MonitoredItem[]; counts: StatusCounts };

/**
 * An item on a date, computed from dates only: DONE when a report dated on or before asOf says so; otherwise
 * OVERDUE once asOf is past its due date (the due date itself is still on track); otherwise ON_TRACK.
 * Reports dated after asOf do not count, so the view for a past date is what it was then.
 */
export function itemStatusAt(item: ActionPlanItem, asOf: CalendarDate): MonitoredItem {
  const reports = item.reports.filter((report) => report.reportedOn <= asOf);
  const lastReport = reports[reports.length - 1] ?? null;
  const done = reports.find((report) => report.progress === 'DONE') ?? null;
  const status: ItemStatus = done !== null ? 'DONE' : asOf > item.dueOn ? 'OVERDUE' : 'ON_TRACK';
  return {
    item,
    status,
    doneOn: done?.reportedOn ?? null,
    late: done !== null && done.reportedOn > item.dueOn,
    lastReport,
    evidence: [item.added, ...reports.map((report) => report.ref)],
  };
}

export function countStatuses(items: readonly { status: ItemStatus }[]): StatusCounts {
  return {
    done: items.filter((item) => item.status === 'DONE').length,
    onTrack: items.filter((item) => item.status === 'ON_TRACK').length,
    overdue: items.filter((item) => item.status === 'OVERDUE').length,
  };
}

export function monitorActionPlan(plan: ActionPlanTimeline, asOf: CalendarDate): PlanMonitoring {
  const items = plan.items.map((item) => itemStatusAt(item, asOf));
  return { plan, asOf, items, counts: countStatuses(items) };
}

/** The items of a plan overdue on asOf: past their due date with no DONE report dated on or before asOf. */
export function overdueItemsAt(plan: ActionPlanTimeline, asOf: CalendarDate): MonitoredItem[] {
  return plan.items.map((item) => itemStatusAt(item, asOf)).filter((monitored) => monitored.status === 'OVERDUE');
}

export type RegionMonitoring = { asOf: CalendarDate; countries: PlanMonitoring[]; counts: StatusCounts };

/** Every country's plan on one date, and the region's totals. */
export function monitorRegion(plans: readonly ActionPlanTimeline[], asOf: CalendarDate): RegionMonitoring {
  const countries = [...plans].sort((a, b) => a.country.localeCompare(b.country)).map((plan) => monitorActionPlan(plan, asOf));
  return { asOf, countries, counts: countStatuses(countries.flatMap((country) => country.items)) };
}
