import { requireText } from '../../shared/checks';
import type { Decider } from '../../shared/decider';
import { RuleViolation } from '../../shared/rule-violation';
import { requireMemberState, requireNqfLevel, requireOwnCountry } from '../asean';
import type { NationalQualificationCommand } from './commands';
import type { NationalQualificationEvent } from './events';

export type NationalQualificationState = { status: 'Unregistered' } | { status: 'Registered'; id: string };

const initialState = (): NationalQualificationState => ({ status: 'Unregistered' });

// One event, one command: nothing to switch on.
function evolve(_state: NationalQualificationState, event: NationalQualificationEvent): NationalQualificationState {
  return { status: 'Registered', id: event.data.id };
}

function decide(command: NationalQualificationCommand, state: NationalQualificationState): NationalQualificationEvent[] {
  const { data, actor, facts } = command;
  const id = requireText(data.id, 'id');
  const country = requireMemberState(data.country, 'country');
  requireOwnCountry(actor, country);
  const title = requireText(data.title, 'title');
  const occupation = requireText(data.occupation, 'occupation');
  const sector = requireText(data.sector, 'sector');
  const awardingBody = requireText(data.awardingBody, 'awardingBody');
  const nqfLevel = requireNqfLevel(data.nqfLevel, 'nqfLevel');
  if (state.status === 'Registered') {
    throw new RuleViolation('QUALIFICATION_ID_TAKEN', `qualification ${id} is already registered`, 'id');
  }
  const { framework } = facts;
  if (framework === null || framework.country !== country) {
    throw new RuleViolation('NATIONAL_FRAMEWORK_NOT_FOUND', `${country} has no national framework on record`, 'country');
  }
  if (!framework.levels.some(({ level }) => level === nqfLevel)) {
    throw new RuleViolation('NQF_LEVEL_UNKNOWN', `level ${nqfLevel} is not a level of ${framework.title}`, 'nqfLevel');
  }
  return [{ type: 'NationalQualificationRegistered', data: { id, country, title, occupation, sector, nqfLevel, awardingBody } }];
}

export const nationalQualificationDecider: Decider<NationalQualificationState, NationalQualificationCommand, NationalQualificationEvent> = {
  initialState,
  evolve,
  decide,
};
