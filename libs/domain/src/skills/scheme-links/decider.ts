import type { CalendarDate } from '../../shared/calendar-date';
import { requireDate, requireNotBackdated, requireText } from '../../shared/checks';
import type { Decider } from '../../shared/decider';
import { RuleViolation } from '../../shared/rule-violation';
import { optionalText, requireAqrfLevel } from '../asean';
import type { SchemeLinkCommand } from './commands';
import type { SchemeLinkEvent } from './events';

export type SchemeLinkState = { status: 'Unlinked' } | { status: 'Linked'; lastLinkedOn: CalendarDate };

const initialState = (): SchemeLinkState => ({ status: 'Unlinked' });

function evolve(_state: SchemeLinkState, event: SchemeLinkEvent): SchemeLinkState {
  return { status: 'Linked', lastLinkedOn: event.data.linkedOn };
}

function decide(command: SchemeLinkCommand, state: SchemeLinkState): SchemeLinkEvent[] {
  const { data, facts } = command;
  const schemeCode = requireText(data.schemeCode, 'schemeCode');
  const linkedOn = requireDate(data.linkedOn, 'linkedOn');
  const qualificationId = optionalText(data.qualificationId);
  const aqrfLevel = data.aqrfLevel ?? null;
  if ((qualificationId === null) === (aqrfLevel === null)) {
    throw new RuleViolation('LINK_TARGET_REQUIRED', 'name either a national qualification or an AQRF level, not both', 'qualificationId');
  }
  if (facts.scheme === null || facts.scheme.code !== schemeCode) {
    throw new RuleViolation('SCHEME_NOT_REGISTERED', `scheme ${schemeCode} is not registered`, 'schemeCode');
  }
  if (qualificationId !== null && (facts.qualification === null || facts.qualification.id !== qualificationId)) {
    throw new RuleViolation('QUALIFICATION_NOT_FOUND', `national qualification ${qualificationId} is not registered`, 'qualificationId');
  }
  if (aqrfLevel !== null) requireAqrfLevel(aqrfLevel, 'aqrfLevel');
  if (state.status === 'Linked') requireNotBackdated(linkedOn, state.lastLinkedOn, 'linkedOn');
  return [{ type: 'SchemeLinkedToQualification', data: { schemeCode, qualificationId, aqrfLevel, linkedOn } }];
}

export const schemeLinkDecider: Decider<SchemeLinkState, SchemeLinkCommand, SchemeLinkEvent> = { initialState, evolve, decide };
