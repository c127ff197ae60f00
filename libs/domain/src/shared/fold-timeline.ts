import type { RegistryEvent } from '../registry-event';
import type { EventRef } from './event-ref';

/** A domain event (already upcast) with where it was recorded. */
export type RecordedRegistryEvent = { event: RegistryEvent; ref: EventRef };

/** Folds one stream's recorded events into a timeline, e.g. a CB's timeline to pass as a command fact. */
export function foldTimeline<Timeline>(
  evolve: (timeline: Timeline | null, event: RegistryEvent, ref: EventRef) => Timeline | null,
  records: Iterable<RecordedRegistryEvent>,
): Timeline | null {
  let timeline: Timeline | null = null;
  for (const { event, ref } of records) timeline = evolve(timeline, event, ref);
  return timeline;
}
