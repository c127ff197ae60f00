import type { RegistryEvent } from '../../registry-event';
import type { CalendarDate } from '../../shared/calendar-date';
import { unreachable } from '../../shared/decider';
import type { EventRef } from '../../shared/event-ref';
import { isActionPlanEvent, type ActionItemKind, type ProgressState } from './events';

export type ProgressReport = { progress: ProgressState; note: string; reportedOn: CalendarDate; ref: EventRef };

export type ActionPlanItem = {
  itemId: string;
  kind: ActionItemKind;
  description: string;
  dueOn: CalendarDate;
  added: EventRef;
  reports: ProgressReport[];
};

/** The member states targeted from a date on (`from`: the adoption, then each amendment), and why they changed. */
export type TargetsVersion = { targetCountries: string[]; from: CalendarDate; reason: string | null; ref: EventRef };

/** A country's action plan, its targets over time, its items and every progress report, in the order recorded. */
export type ActionPlanTimeline = {
  stream: string;
  revision: number;
  country: string;
  title: string;
  /** The latest targets recorded (see targetsAt for a date). */
  targetCountries: string[];
  targetHistory: TargetsVersion[];
  adoptedOn: CalendarDate;
  adopted: EventRef;
  items: ActionPlanItem[];
};

export function evolveActionPlanTimeline(timeline: ActionPlanTimeline | null, event: RegistryEvent, ref: EventRef): ActionPlanTimeline | null {
  if (!isActionPlanEvent(event)) return timeline;
  if (timeline === null) {
    if (event.type !== 'ActionPlanAdopted') return null;
    const { targetCountries, adoptedOn } = event.data;
    return { stream: ref.stream, revision: ref.revision, ...event.data, targetHistory: [{ targetCountries, from: adoptedOn, reason: null, ref }], adopted: ref, items: [] };
  }
  if (ref.stream !== timeline.stream || ref.revision <= timeline.revision) return timeline;
  const next = { ...timeline, revision: ref.revision };
  switch (event.type) {
    case 'ActionPlanAdopted':
      return next;
    case 'ActionPlanTargetsAmended': {
      const { targetCountries, amendedOn, reason } = event.data;
      return { ...next, targetCountries, targetHistory: [...next.targetHistory, { targetCountries, from: amendedOn, reason, ref }] };
    }
    case 'ActionPlanItemAdded': {
      const { itemId, kind, description, dueOn } = event.data;
      return { ...next, items: [...next.items, { itemId, kind, description, dueOn, added: ref, reports: [] }] };
    }
    case 'ActionPlanProgressReported': {
      const { itemId, progress, note, reportedOn } = event.data;
      const report: ProgressReport = { progress, note, reportedOn, ref };
      return { ...next, items: next.items.map((item) => (item.itemId === itemId ? { ...item, reports: [...item.reports, report] } : item)) };
    }
    default:
      return unreachable(event);
  }
}

/** The member states the plan targets on a date (none before its adoption). */
export function targetsAt(timeline: ActionPlanTimeline, asOf: CalendarDate): string[] {
  return timeline.targetHistory.filter((version) => version.from <= asOf).at(-1)?.targetCountries ?? [];
}
