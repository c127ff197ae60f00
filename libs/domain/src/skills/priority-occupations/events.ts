import type { CalendarDate } from '../../shared/calendar-date';

/** The two social partners whose validation, with the government's proposal, makes a priority tripartite. */
export const SOCIAL_PARTNERS = ['EMPLOYERS', 'WORKERS'] as const;
export type SocialPartner = (typeof SOCIAL_PARTNERS)[number];

export const VALIDATION_OUTCOMES = ['VALIDATED', 'NOT_VALIDATED'] as const;
export type ValidationOutcome = (typeof VALIDATION_OUTCOMES)[number];

/** A government proposes an occupation (in a sector) as a priority for mutual recognition of skills. */
export type PriorityOccupationProposed = {
  type: 'PriorityOccupationProposed';
  data: { country: string; code: string; sector: string; occupation: string; proposedOn: CalendarDate };
};

/** One social partner's position on the proposal: who (the organisation and its representative) and when. */
export type PriorityOccupationValidated = {
  type: 'PriorityOccupationValidated';
  data: {
    country: string;
    code: string;
    partner: SocialPartner;
    organisation: string;
    representative: string | null;
    outcome: ValidationOutcome;
    validatedOn: CalendarDate;
  };
};

export type PriorityOccupationEvent = PriorityOccupationProposed | PriorityOccupationValidated;

const TYPES: Record<PriorityOccupationEvent['type'], true> = { PriorityOccupationProposed: true, PriorityOccupationValidated: true };

export function isPriorityOccupationEvent(event: { type: string }): event is PriorityOccupationEvent {
  return Object.hasOwn(TYPES, event.type);
}
