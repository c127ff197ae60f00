import type { CalendarDate } from '../shared/calendar-date';
import { unreachable } from '../shared/decider';
import type { EventRef } from '../shared/event-ref';
import type { LifecycleChange } from '../shared/statements';
import type { RegistryEvent } from '../registry-event';
import { isArrangementEvent, type RecognitionMode } from './events';

/** One CB joining (by signature or admission) or leaving, from `effectiveOn`. */
export type PartyStatement = {
  effectiveOn: CalendarDate;
  cbId: string;
  change: 'SIGNED' | 'ADMITTED' | 'WITHDRAWN';
  ref: EventRef;
};

/** The full list of covered schemes from `effectiveOn`. */
export type ArrangementScopeStatement = {
  effectiveOn: CalendarDate;
  schemes: string[];
  ref: EventRef;
};

export type ArrangementChange = 'SUSPENDED' | 'REINSTATED' | 'TERMINATED';

/** Everything dated about one MRA, each fact with the record that established it. */
export type ArrangementTimeline = {
  stream: string;
  /** The last stream revision folded in; lower or equal revisions are ignored, so replays are harmless. */
  revision: number;
  id: string;
  title: string;
  mode: RecognitionMode;
  effectiveFrom: CalendarDate;
  /** The last day in force, if the arrangement has an end. */
  expiresOn: CalendarDate | null;
  /** The days a host-country party has to decide an application; null when the arrangement sets none. */
  decisionPeriodDays: number | null;
  signed: EventRef;
  parties: PartyStatement[];
  scope: ArrangementScopeStatement[];
  statusChanges: LifecycleChange<ArrangementChange>[];
};

export function evolveArrangementTimeline(timeline: ArrangementTimeline, event: RegistryEvent, ref: EventRef): ArrangementTimeline;
export function evolveArrangementTimeline(
  timeline: ArrangementTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): ArrangementTimeline | null;
export function evolveArrangementTimeline(
  timeline: ArrangementTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): ArrangementTimeline | null {
  if (!isArrangementEvent(event)) return timeline;
  if (timeline === null) {
    if (event.type !== 'MRASigned') return null;
    const { id, title, parties, schemes, mode, effectiveFrom, expiresOn } = event.data;
    return {
      stream: ref.stream,
      revision: ref.revision,
      id,
      title,
      mode,
      effectiveFrom,
      expiresOn,
      decisionPeriodDays: event.data.decisionPeriodDays ?? null,
      signed: ref,
      parties: parties.map((cbId) => ({ effectiveOn: effectiveFrom, cbId, change: 'SIGNED', ref })),
      scope: [{ effectiveOn: effectiveFrom, schemes, ref }],
      statusChanges: [],
    };
  }
  if (ref.stream !== timeline.stream || ref.revision <= timeline.revision) return timeline;
  const next = { ...timeline, revision: ref.revision };
  switch (event.type) {
    case 'MRASigned':
      return next;
    case 'MRAPartyAdmitted':
      return withParty(next, 'ADMITTED', event.data, ref);
    case 'MRAPartyWithdrawn':
      return withParty(next, 'WITHDRAWN', event.data, ref);
    case 'MRAScopeAmended': {
      const { schemes, effectiveOn } = event.data;
      return { ...next, scope: [...timeline.scope, { effectiveOn, schemes, ref }] };
    }
    case 'MRASuspended':
      return withChange(next, 'SUSPENDED', event.data, ref);
    case 'MRAReinstated':
      return withChange(next, 'REINSTATED', event.data, ref);
    case 'MRATerminated':
      return withChange(next, 'TERMINATED', event.data, ref);
    default:
      return unreachable(event);
  }
}

function withParty(
  timeline: ArrangementTimeline,
  change: PartyStatement['change'],
  data: { cbId: string; effectiveOn: CalendarDate },
  ref: EventRef,
): ArrangementTimeline {
  return { ...timeline, parties: [...timeline.parties, { effectiveOn: data.effectiveOn, cbId: data.cbId, change, ref }] };
}

function withChange(
  timeline: ArrangementTimeline,
  change: ArrangementChange,
  data: { effectiveOn: CalendarDate; reason: string },
  ref: EventRef,
): ArrangementTimeline {
  const entry = { effectiveOn: data.effectiveOn, change, reason: data.reason, ref };
  return { ...timeline, statusChanges: [...timeline.statusChanges, entry] };
}
