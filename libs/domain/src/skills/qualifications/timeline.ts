import type { RegistryEvent } from '../../registry-event';
import type { EventRef } from '../../shared/event-ref';

/** A national qualification never changes once registered: its document is the registration and its evidence. */
export type NationalQualificationTimeline = {
  stream: string;
  revision: number;
  id: string;
  country: string;
  title: string;
  occupation: string;
  sector: string;
  nqfLevel: number;
  awardingBody: string;
  registered: EventRef;
};

export function evolveNationalQualificationTimeline(
  timeline: NationalQualificationTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): NationalQualificationTimeline | null {
  if (timeline !== null) return timeline;
  if (event.type !== 'NationalQualificationRegistered') return null;
  return { stream: ref.stream, revision: ref.revision, ...event.data, registered: ref };
}
