import type { CalendarDate } from '../../shared/calendar-date';
import { requireDate, requireNotBackdated, requireText } from '../../shared/checks';
import { unreachable, type Decider } from '../../shared/decider';
import { RuleViolation } from '../../shared/rule-violation';
import { optionalText, requireMemberState, requireOwnCountry } from '../asean';
import type { PriorityOccupationCommand, ProposePriorityOccupation, ValidatePriorityOccupation } from './commands';
import { SOCIAL_PARTNERS, VALIDATION_OUTCOMES, type PriorityOccupationEvent } from './events';

export type PriorityOccupationState =
  | { status: 'Unproposed' }
  | { status: 'Proposed'; country: string; code: string; proposedOn: CalendarDate };

const initialState = (): PriorityOccupationState => ({ status: 'Unproposed' });

function evolve(state: PriorityOccupationState, event: PriorityOccupationEvent): PriorityOccupationState {
  switch (event.type) {
    case 'PriorityOccupationProposed': {
      const { country, code, proposedOn } = event.data;
      return { status: 'Proposed', country, code, proposedOn };
    }
    case 'PriorityOccupationValidated':
      return state;
    default:
      return unreachable(event);
  }
}

function propose(command: ProposePriorityOccupation, state: PriorityOccupationState): PriorityOccupationEvent {
  const { data, actor } = command;
  const country = requireMemberState(data.country, 'country');
  requireOwnCountry(actor, country);
  const code = requireText(data.code, 'code');
  const sector = requireText(data.sector, 'sector');
  const occupation = requireText(data.occupation, 'occupation');
  const proposedOn = requireDate(data.proposedOn, 'proposedOn');
  if (state.status === 'Proposed') {
    throw new RuleViolation('PRIORITY_OCCUPATION_ALREADY_PROPOSED', `${country} already proposed occupation ${code}`, 'code');
  }
  return { type: 'PriorityOccupationProposed', data: { country, code, sector, occupation, proposedOn } };
}

function validate(command: ValidatePriorityOccupation, state: PriorityOccupationState): PriorityOccupationEvent {
  const { data, actor } = command;
  const country = requireMemberState(data.country, 'country');
  requireOwnCountry(actor, country);
  const code = requireText(data.code, 'code');
  const organisation = requireText(data.organisation, 'organisation');
  const validatedOn = requireDate(data.validatedOn, 'validatedOn');
  if (!SOCIAL_PARTNERS.includes(data.partner)) {
    throw new RuleViolation('INVALID_SOCIAL_PARTNER', `partner must be EMPLOYERS or WORKERS, got ${JSON.stringify(data.partner)}`, 'partner');
  }
  if (!VALIDATION_OUTCOMES.includes(data.outcome)) {
    throw new RuleViolation('INVALID_VALIDATION_OUTCOME', `outcome must be VALIDATED or NOT_VALIDATED`, 'outcome');
  }
  if (state.status !== 'Proposed') {
    throw new RuleViolation('PRIORITY_OCCUPATION_NOT_FOUND', `${country} has not proposed occupation ${code}`, 'code');
  }
  requireNotBackdated(validatedOn, state.proposedOn, 'validatedOn');
  const representative = optionalText(data.representative);
  return {
    type: 'PriorityOccupationValidated',
    data: { country, code, partner: data.partner, organisation, representative, outcome: data.outcome, validatedOn },
  };
}

function decide(command: PriorityOccupationCommand, state: PriorityOccupationState): PriorityOccupationEvent[] {
  switch (command.type) {
    case 'ProposePriorityOccupation':
      return [propose(command, state)];
    case 'ValidatePriorityOccupation':
      return [validate(command, state)];
    default:
      return unreachable(command);
  }
}

export const priorityOccupationDecider: Decider<PriorityOccupationState, PriorityOccupationCommand, PriorityOccupationEvent> = {
  initialState,
  evolve,
  decide,
};
