import type { CalendarDate } from '../shared/calendar-date';
import { governingAt } from '../shared/dated';
import { unreachable } from '../shared/decider';
import type { EventRef } from '../shared/event-ref';
import type { RegistryEvent } from '../registry-event';
import { isRecognitionEvent } from './events';
import type { RefusalReason } from './refusal-reasons';

export type RecognitionDecision = {
  decidedOn: CalendarDate;
  decision: 'GRANTED' | 'REVOKED' | 'REFUSED';
  /** Set on a grant and a refusal. */
  arrangementId: string | null;
  conditions: string | null;
  /** On a grant: its last day, when it has one. */
  validUntil: CalendarDate | null;
  /** Set on a revocation (its reason) and a refusal (its note, when any). */
  reason: string | null;
  /** Set on a refusal: the code from the published list. */
  reasonCode: RefusalReason | null;
  /** The application this decision decided; null when taken without one. */
  applicationId: string | null;
  ref: EventRef;
};

/** One application for recognition and, once taken, the decision on it. */
export type RecognitionApplication = {
  applicationId: string;
  arrangementId: string;
  appliedOn: CalendarDate;
  note: string | null;
  ref: EventRef;
  decided: { decidedOn: CalendarDate; outcome: 'GRANTED' | 'REFUSED'; ref: EventRef } | null;
};

/** The host country's decisions on one certificate, in the order recorded. */
export type RecognitionDecisionTimeline = {
  stream: string;
  /** The last stream revision folded in; lower or equal revisions are ignored, so replays are harmless. */
  revision: number;
  certificateNumber: string;
  country: string;
  decisions: RecognitionDecision[];
  applications: RecognitionApplication[];
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
    applications: [],
  };
  // Timelines stored before applications existed lack the list.
  const next = { ...base, revision: ref.revision, applications: base.applications ?? [] };
  if (event.type === 'RecognitionApplied') {
    const { applicationId, arrangementId, appliedOn, note } = event.data;
    return { ...next, applications: [...next.applications, { applicationId, arrangementId, appliedOn, note, ref, decided: null }] };
  }
  const decision = decisionOf(event, ref);
  return { ...next, decisions: [...next.decisions, decision], applications: next.applications.map((application) => decidedBy(application, decision)) };
}

function decidedBy(application: RecognitionApplication, decision: RecognitionDecision): RecognitionApplication {
  if (application.applicationId !== decision.applicationId || decision.decision === 'REVOKED') return application;
  return { ...application, decided: { decidedOn: decision.decidedOn, outcome: decision.decision, ref: decision.ref } };
}

type DecisionEvent = Extract<RegistryEvent, { type: 'RecognitionGranted' | 'RecognitionRevoked' | 'RecognitionRefused' }>;

function decisionOf(event: DecisionEvent, ref: EventRef): RecognitionDecision {
  const none = { arrangementId: null, conditions: null, validUntil: null, reason: null, reasonCode: null, applicationId: null };
  switch (event.type) {
    case 'RecognitionGranted': {
      const { decidedOn, arrangementId, conditions, validUntil, applicationId } = event.data;
      return { ...none, decidedOn, decision: 'GRANTED', arrangementId, conditions, validUntil: validUntil ?? null, applicationId: applicationId ?? null, ref };
    }
    case 'RecognitionRevoked': {
      const { decidedOn, reason } = event.data;
      return { ...none, decidedOn, decision: 'REVOKED', reason, ref };
    }
    case 'RecognitionRefused': {
      const { decidedOn, arrangementId, reasonCode, note, applicationId } = event.data;
      return { ...none, decidedOn, decision: 'REFUSED', arrangementId, reason: note, reasonCode, applicationId, ref };
    }
    default:
      return unreachable(event);
  }
}

/** The application filed on or before `asOf` and not decided by then, if any. */
export function applicationPendingAt(timeline: RecognitionDecisionTimeline, asOf: CalendarDate): RecognitionApplication | null {
  const filed = (timeline.applications ?? []).filter((application) => application.appliedOn <= asOf);
  const last = filed.length > 0 ? filed[filed.length - 1] : null;
  return last !== null && (last.decided === null || last.decided.decidedOn > asOf) ? last : null;
}

/** The decision in force on `asOf`, if any. */
export function decisionAt(timeline: RecognitionDecisionTimeline, asOf: CalendarDate): RecognitionDecision | null {
  return governingAt(timeline.decisions, asOf, (decision) => decision.decidedOn);
}

/** The last decision recorded, whatever its date. */
export function currentDecision(timeline: RecognitionDecisionTimeline): RecognitionDecision | null {
  return timeline.decisions.length > 0 ? timeline.decisions[timeline.decisions.length - 1] : null;
}
