import type { RegistryEvent } from '../../registry-event';
import type { CalendarDate } from '../../shared/calendar-date';
import { governingAt } from '../../shared/dated';
import type { EventRef } from '../../shared/event-ref';

export type SchemeLink = { linkedOn: CalendarDate; qualificationId: string | null; aqrfLevel: number | null; ref: EventRef };

/** Every link of one scheme, in the order recorded. */
export type SchemeLinkTimeline = { stream: string; revision: number; schemeCode: string; links: SchemeLink[] };

export function evolveSchemeLinkTimeline(timeline: SchemeLinkTimeline | null, event: RegistryEvent, ref: EventRef): SchemeLinkTimeline | null {
  if (event.type !== 'SchemeLinkedToQualification') return timeline;
  if (timeline !== null && (ref.stream !== timeline.stream || ref.revision <= timeline.revision)) return timeline;
  const base = timeline ?? { stream: ref.stream, revision: ref.revision, schemeCode: event.data.schemeCode, links: [] };
  const { linkedOn, qualificationId, aqrfLevel } = event.data;
  return { ...base, revision: ref.revision, links: [...base.links, { linkedOn, qualificationId, aqrfLevel, ref }] };
}

/** The link in force on a date, if any. */
export function linkAt(timeline: SchemeLinkTimeline, asOf: CalendarDate): SchemeLink | null {
  return governingAt(timeline.links, asOf, (link) => link.linkedOn);
}
