import type { EventRef } from '../shared/event-ref';
import type { RegistryEvent } from '../registry-event';

/** A scheme never changes once registered; its read document is the registration and its evidence. */
export type SchemeTimeline = {
  stream: string;
  /** The last stream revision folded in; lower or equal revisions are ignored, so replays are harmless. */
  revision: number;
  code: string;
  title: string;
  sector: string | null;
  occupation: string | null;
  qualificationLevel: number | null;
  registered: EventRef;
};

export function evolveSchemeTimeline(timeline: SchemeTimeline, event: RegistryEvent, ref: EventRef): SchemeTimeline;
export function evolveSchemeTimeline(
  timeline: SchemeTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): SchemeTimeline | null;
export function evolveSchemeTimeline(
  timeline: SchemeTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): SchemeTimeline | null {
  if (timeline !== null) return timeline;
  if (event.type !== 'SchemeRegistered') return null;
  return { stream: ref.stream, revision: ref.revision, ...event.data, registered: ref };
}
