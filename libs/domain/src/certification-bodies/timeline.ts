import type { CalendarDate } from '../shared/calendar-date';
import type { EventRef } from '../shared/event-ref';
import type { LifecycleChange, ValidityStatement } from '../shared/statements';
import type { RegistryEvent } from '../registry-event';
import { unreachable } from '../shared/decider';
import { isCertificationBodyEvent } from './events';

export type AccreditationChange = 'SUSPENDED' | 'REINSTATED' | 'WITHDRAWN';

/** The scope from `effectiveOn`: `schemes` is what this record added or removed, `scope` the full list after. */
export type ScopeStatement = {
  effectiveOn: CalendarDate;
  change: 'ACCREDITED' | 'EXTENDED' | 'REDUCED';
  schemes: string[];
  scope: string[];
  ref: EventRef;
};

/** Everything dated about one CB's accreditation, each fact with the record that established it. */
export type CertificationBodyTimeline = {
  stream: string;
  /** The last stream revision folded in; lower or equal revisions are ignored, so replays are harmless. */
  revision: number;
  cbId: string;
  name: string;
  country: string;
  accreditedOn: CalendarDate;
  accredited: EventRef;
  validity: ValidityStatement[];
  statusChanges: LifecycleChange<AccreditationChange>[];
  scope: ScopeStatement[];
};

export function evolveCertificationBodyTimeline(
  timeline: CertificationBodyTimeline,
  event: RegistryEvent,
  ref: EventRef,
): CertificationBodyTimeline;
export function evolveCertificationBodyTimeline(
  timeline: CertificationBodyTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): CertificationBodyTimeline | null;
export function evolveCertificationBodyTimeline(
  timeline: CertificationBodyTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): CertificationBodyTimeline | null {
  if (!isCertificationBodyEvent(event)) return timeline;
  if (timeline === null) {
    if (event.type !== 'CertificationBodyAccredited') return null;
    const { cbId, name, country, scope, accreditedOn, validUntil } = event.data;
    return {
      stream: ref.stream,
      revision: ref.revision,
      cbId,
      name,
      country,
      accreditedOn,
      accredited: ref,
      validity: [{ effectiveOn: accreditedOn, validUntil, ref }],
      statusChanges: [],
      scope: [{ effectiveOn: accreditedOn, change: 'ACCREDITED', schemes: scope, scope, ref }],
    };
  }
  if (ref.stream !== timeline.stream || ref.revision <= timeline.revision) return timeline;
  const next = { ...timeline, revision: ref.revision };
  const currentScope = timeline.scope.length > 0 ? timeline.scope[timeline.scope.length - 1].scope : [];
  switch (event.type) {
    case 'CertificationBodyAccredited':
      return next;
    case 'AccreditationRenewed':
      return { ...next, validity: [...timeline.validity, { ...event.data, ref }] };
    case 'AccreditationScopeExtended': {
      const { schemes, effectiveOn } = event.data;
      const scope = [...currentScope, ...schemes.filter((code) => !currentScope.includes(code))];
      return { ...next, scope: [...timeline.scope, { effectiveOn, change: 'EXTENDED', schemes, scope, ref }] };
    }
    case 'AccreditationScopeReduced': {
      const { schemes, effectiveOn } = event.data;
      const scope = currentScope.filter((code) => !schemes.includes(code));
      return { ...next, scope: [...timeline.scope, { effectiveOn, change: 'REDUCED', schemes, scope, ref }] };
    }
    case 'AccreditationSuspended':
      return withChange(next, 'SUSPENDED', event.data, ref);
    case 'AccreditationReinstated':
      return withChange(next, 'REINSTATED', event.data, ref);
    case 'AccreditationWithdrawn':
      return withChange(next, 'WITHDRAWN', event.data, ref);
    default:
      return unreachable(event);
  }
}

function withChange(
  timeline: CertificationBodyTimeline,
  change: AccreditationChange,
  data: { effectiveOn: CalendarDate; reason: string },
  ref: EventRef,
): CertificationBodyTimeline {
  const entry = { effectiveOn: data.effectiveOn, change, reason: data.reason, ref };
  return { ...timeline, statusChanges: [...timeline.statusChanges, entry] };
}
