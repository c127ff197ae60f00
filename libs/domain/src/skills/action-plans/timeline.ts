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

/** A country's action plan, its items and every progress report, in the order recorded. */
export type ActionPlanTimeline = {
  stream: string;
  revision: number;
  country: string;
  title: string;
  targetCountries: string[];
  adoptedOn: CalendarDate;
  adopted: EventRef;
  items: ActionPlanItem[];
};

export function evolveActionPlanTimeline(timeline: ActionPlanTimeline | null, event: RegistryEvent, ref: EventRef): ActionPlanTimeline | null {
  if (!isActionPlanEvent(event)) return timeline;
  if (timeline === null) {
    return event.type === 'ActionPlanAdopted' ? { stream: ref.stream, revision: ref.revision, ...event.data, adopted: ref, items: [] } : null;
  }
  if (ref.stream !== timeline.stream || ref.revision <= timeline.revision) return timeline;
  const next = { ...timeline, revision: ref.revision };
  switch (event.type) {
    case 'ActionPlanAdopted':
      return next;
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
