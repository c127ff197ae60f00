import type { CalendarDate } from '../shared/calendar-date';
import { governingAt } from '../shared/dated';
import { unreachable } from '../shared/decider';
import type { EventRef } from '../shared/event-ref';
import type { RegistryEvent } from '../registry-event';
import { isRecognitionEvent } from './events';

export type RecognitionDecision = {
  decidedOn: CalendarDate;
  decision: 'GRANTED' | 'REVOKED';
  /** Set on a grant. */
  arrangementId: string | null;
  conditions: string | null;
  /** Set on a revocation. */
  reason: string | null;
  ref: EventRef;
};

/** The host country's decisions on one certificate, in the order recorded. */
export type RecognitionDecisionTimeline = {
  stream: string;
  /** The last stream revision folded in; lower or equal revisions are ignored, so replays are harmless. */
  revision: number;
  certificateNumber: string;
  country: string;
  decisions: RecognitionDecision[];
};

export function evolveRecognitionDecisionTimeline(
  timeline: RecognitionDecisionTimeline,
  event: RegistryEvent,
  ref: EventRef,
): RecognitionDecisionTimeline;
export function evolveRecognitionDecisionTimeline(
  timeline: RecognitionDecisionTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): RecognitionDecisionTimeline | null;
export function evolveRecognitionDecisionTimeline(
  timeline: RecognitionDecisionTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): RecognitionDecisionTimeline | null {
  if (!isRecognitionEvent(event)) return timeline;
  if (timeline !== null && (ref.stream !== timeline.stream || ref.revision <= timeline.revision)) return timeline;
  const base = timeline ?? {
    stream: ref.stream,
    revision: ref.revision,
    certificateNumber: event.data.certificateNumber,
    country: event.data.country,
    decisions: [],
  };
  return { ...base, revision: ref.revision, decisions: [...base.decisions, decisionOf(event, ref)] };
}

function decisionOf(event: Extract<RegistryEvent, { type: 'RecognitionGranted' | 'RecognitionRevoked' }>, ref: EventRef): RecognitionDecision {
  switch (event.type) {
    case 'RecognitionGranted': {
      const { decidedOn, arrangementId, conditions } = event.data;
      return { decidedOn, decision: 'GRANTED', arrangementId, conditions, reason: null, ref };
    }
    case 'RecognitionRevoked': {
      const { decidedOn, reason } = event.data;
      return { decidedOn, decision: 'REVOKED', arrangementId: null, conditions: null, reason, ref };
    }
    default:
      return unreachable(event);
  }
}

/** The decision in force on `asOf`, if any. */
export function decisionAt(timeline: RecognitionDecisionTimeline, asOf: CalendarDate): RecognitionDecision | null {
  return governingAt(timeline.decisions, asOf, (decision) => decision.decidedOn);
}

/** The last decision recorded, whatever its date. */
export function currentDecision(timeline: RecognitionDecisionTimeline): RecognitionDecision | null {
  return timeline.decisions.length > 0 ? timeline.decisions[timeline.decisions.length - 1] : null;
}
