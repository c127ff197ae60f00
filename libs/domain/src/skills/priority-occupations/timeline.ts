import type { RegistryEvent } from '../../registry-event';
import type { CalendarDate } from '../../shared/calendar-date';
import { governingAt } from '../../shared/dated';
import type { EventRef } from '../../shared/event-ref';
import { SOCIAL_PARTNERS, isPriorityOccupationEvent, type SocialPartner, type ValidationOutcome } from './events';

export type PartnerValidation = {
  partner: SocialPartner;
  organisation: string;
  representative: string | null;
  outcome: ValidationOutcome;
  validatedOn: CalendarDate;
  ref: EventRef;
};

/** A proposed priority occupation and every validation recorded on it, in the order recorded. */
export type PriorityOccupationTimeline = {
  stream: string;
  revision: number;
  country: string;
  code: string;
  sector: string;
  occupation: string;
  proposedOn: CalendarDate;
  proposed: EventRef;
  validations: PartnerValidation[];
};

export function evolvePriorityOccupationTimeline(
  timeline: PriorityOccupationTimeline | null,
  event: RegistryEvent,
  ref: EventRef,
): PriorityOccupationTimeline | null {
  if (!isPriorityOccupationEvent(event)) return timeline;
  if (timeline === null) {
    return event.type === 'PriorityOccupationProposed'
      ? { stream: ref.stream, revision: ref.revision, ...event.data, proposed: ref, validations: [] }
      : null;
  }
  if (ref.stream !== timeline.stream || ref.revision <= timeline.revision) return timeline;
  if (event.type !== 'PriorityOccupationValidated') return { ...timeline, revision: ref.revision };
  const { partner, organisation, representative, outcome, validatedOn } = event.data;
  return { ...timeline, revision: ref.revision, validations: [...timeline.validations, { partner, organisation, representative, outcome, validatedOn, ref }] };
}

export type PriorityStatus = 'NOT_PROPOSED' | 'AWAITING_VALIDATION' | 'VALIDATED' | 'NOT_VALIDATED';

export type PriorityStanding = {
  status: PriorityStatus;
  /** Each partner's position in force on the date (its latest validation by then). */
  positions: PartnerValidation[];
  /** Partners who have not (yet) taken a position: a missing partner means not validated. */
  missingPartners: SocialPartner[];
  evidence: EventRef[];
};

/**
 * Tripartite validation on a date: the government proposed it, and the employers' and the workers'
 * organisations both validated it. A partner who has not spoken leaves it awaiting validation; a partner
 * who declined makes it not validated. Each partner's latest position by the date counts.
 */
export function priorityStandingAt(timeline: PriorityOccupationTimeline, asOf: CalendarDate): PriorityStanding {
  if (timeline.proposedOn > asOf) return { status: 'NOT_PROPOSED', positions: [], missingPartners: [...SOCIAL_PARTNERS], evidence: [] };
  const positions = SOCIAL_PARTNERS.map((partner) =>
    governingAt(
      timeline.validations.filter((validation) => validation.partner === partner),
      asOf,
      (validation) => validation.validatedOn,
    ),
  ).filter((position): position is PartnerValidation => position !== null);
  const missingPartners = SOCIAL_PARTNERS.filter((partner) => !positions.some((position) => position.partner === partner));
  const evidence = [timeline.proposed, ...positions.map((position) => position.ref)];
  const status: PriorityStatus = positions.some((position) => position.outcome === 'NOT_VALIDATED')
    ? 'NOT_VALIDATED'
    : missingPartners.length > 0
      ? 'AWAITING_VALIDATION'
      : 'VALIDATED';
  return { status, positions, missingPartners, evidence };
}

/** Occupations are matched across countries by name, ignoring case and spacing. */
export function occupationKey(occupation: string): string {
  return occupation.trim().replace(/\s+/g, ' ').toLowerCase();
}
