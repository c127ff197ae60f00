import type { CalendarDate } from '../shared/calendar-date';
import { unreachable } from '../shared/decider';
import type { EventRef } from '../shared/event-ref';
import type { LifecycleChange, ValidityStatement } from '../shared/statements';
import type { RegistryEvent } from '../registry-event';
import { isCertificateEvent, type CorrectableField } from './events';

export type CertificateChange = 'SUSPENDED' | 'REINSTATED' | 'WITHDRAWN';

/** A printed field corrected: what it read before, what it reads now, and why. */
export type PrintedCorrection = { field: CorrectableField; from: string; to: string; reason: string; ref: EventRef };

export type Cancellation = { effectiveOn: CalendarDate; reason: string; ref: EventRef };

/** Everything dated about one certificate, each fact with the record that established it. */
export type CertificateTimeline = {
  stream: string;
  /** The last stream revision folded in; lower or equal revisions are ignored, so replays are harmless. */
  revision: number;
  number: string;
  cbId: string;
  schemeCode: string;
  holderName: string;
  issuedOn: CalendarDate;
  issued: EventRef;
  /** The issue, then each renewal. */
  validity: ValidityStatement[];
  statusChanges: LifecycleChange<CertificateChange>[];
  /** When set, the certificate is void for every date. */
  cancellation: Cancellation | null;
  /** Printed fields corrected, in the order recorded (absent on timelines stored before corrections existed). */
  corrections?: PrintedCorrection[];
};

export function evolveCertificateTimeline(timeline: CertificateTimeline, event: RegistryEvent, ref: EventRef): CertificateTimeline;
export function evolveCertificateTimeline(
  timeline: CertificateTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): CertificateTimeline | null;
export function evolveCertificateTimeline(
  timeline: CertificateTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): CertificateTimeline | null {
  if (!isCertificateEvent(event)) return timeline;
  if (timeline === null) {
    if (event.type !== 'CertificateIssued') return null;
    const { number, cbId, schemeCode, holderName, issuedOn, validUntil } = event.data;
    return {
      stream: ref.stream,
      revision: ref.revision,
      number,
      cbId,
      schemeCode,
      holderName,
      issuedOn,
      issued: ref,
      validity: [{ effectiveOn: issuedOn, validUntil, ref }],
      statusChanges: [],
      cancellation: null,
    };
  }
  if (ref.stream !== timeline.stream || ref.revision <= timeline.revision) return timeline;
  const next = { ...timeline, revision: ref.revision };
  switch (event.type) {
    case 'CertificateIssued':
      return next;
    case 'CertificateCorrected': {
      const { field, from, to, reason } = event.data;
      return { ...next, [field]: to, corrections: [...(timeline.corrections ?? []), { field, from, to, reason, ref }] };
    }
    case 'CertificateRenewed':
      return { ...next, validity: [...timeline.validity, { ...event.data, ref }] };
    case 'CertificateSuspended':
      return withChange(next, 'SUSPENDED', event.data, ref);
    case 'CertificateReinstated':
      return withChange(next, 'REINSTATED', event.data, ref);
    case 'CertificateWithdrawn':
      return withChange(next, 'WITHDRAWN', event.data, ref);
    case 'CertificateCancelled':
      return { ...next, cancellation: { effectiveOn: event.data.effectiveOn, reason: event.data.reason, ref } };
    default:
      return unreachable(event);
  }
}

function withChange(
  timeline: CertificateTimeline,
  change: CertificateChange,
  data: { effectiveOn: CalendarDate; reason: string },
  ref: EventRef,
): CertificateTimeline {
  const entry = { effectiveOn: data.effectiveOn, change, reason: data.reason, ref };
  return { ...timeline, statusChanges: [...timeline.statusChanges, entry] };
}
