import { requireText } from '../shared/checks';
import type { Decider } from '../shared/decider';
import { RuleViolation } from '../shared/rule-violation';
import type { RegisterScheme, SchemeCommand } from './commands';
import type { SchemeEvent, SchemeRegistered } from './events';

export type SchemeState = { status: 'Unregistered' } | { status: 'Registered'; code: string };

const initialState = (): SchemeState => ({ status: 'Unregistered' });

// A scheme has one event and one command, so there is nothing to switch on.
function evolve(_state: SchemeState, event: SchemeEvent): SchemeState {
  return { status: 'Registered', code: event.data.code };
}

function optionalText(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value;
}

function register(command: RegisterScheme, state: SchemeState): SchemeRegistered {
  const { data } = command;
  const code = requireText(data.code, 'code');
  const title = requireText(data.title, 'title');
  if (state.status === 'Registered') {
    throw new RuleViolation('SCHEME_CODE_TAKEN', `scheme ${code} is already registered`, 'code');
  }
  const level = data.qualificationLevel ?? null;
  if (level !== null && !(Number.isInteger(level) && level >= 1 && level <= 8)) {
    throw new RuleViolation(
      'INVALID_QUALIFICATION_LEVEL',
      `qualificationLevel must be an AQRF level from 1 to 8, got ${level}`,
      'qualificationLevel',
    );
  }
  return {
    type: 'SchemeRegistered',
    data: {
      code,
      title,
      sector: optionalText(data.sector),
      occupation: optionalText(data.occupation),
      qualificationLevel: level,
    },
  };
}

function decide(command: SchemeCommand, state: SchemeState): SchemeEvent[] {
  return [register(command, state)];
}

export const schemeDecider: Decider<SchemeState, SchemeCommand, SchemeEvent> = { initialState, evolve, decide };
