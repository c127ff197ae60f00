import type { Actor } from '../../shared/actor';
import type { CalendarDate } from '../../shared/calendar-date';
import type { SocialPartner, ValidationOutcome } from './events';

/** Every command here loads priority-<COUNTRY>-<code> (see priorityOccupationStream). No facts. */

export type ProposePriorityOccupation = {
  type: 'ProposePriorityOccupation';
  data: { country: string; code: string; sector: string; occupation: string; proposedOn: CalendarDate };
  actor: Actor;
};

export type ValidatePriorityOccupation = {
  type: 'ValidatePriorityOccupation';
  data: {
    country: string;
    code: string;
    partner: SocialPartner;
    organisation: string;
    representative?: string | null;
    outcome: ValidationOutcome;
    validatedOn: CalendarDate;
  };
  actor: Actor;
};

export type PriorityOccupationCommand = ProposePriorityOccupation | ValidatePriorityOccupation;
