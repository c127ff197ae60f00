import { requireText } from '../shared/checks';
import type { Decider } from '../shared/decider';
import { RuleViolation } from '../shared/rule-violation';
import type { NumberPrefixCommand } from './commands';
import type { NumberPrefixEvent } from './events';
import { requirePrefix } from './number-prefix';

/** One stream per prefix: declaring it twice, even concurrently, is caught on the stream's revision. */
export type NumberPrefixState = { status: 'Free' } | { status: 'Declared'; prefix: string; cbId: string };

const initialState = (): NumberPrefixState => ({ status: 'Free' });

function evolve(_state: NumberPrefixState, event: NumberPrefixEvent): NumberPrefixState {
  return { status: 'Declared', prefix: event.data.prefix, cbId: event.data.cbId };
}

function decide(command: NumberPrefixCommand, state: NumberPrefixState): NumberPrefixEvent[] {
  const prefix = requirePrefix(command.data.prefix, 'prefix');
  const cbId = requireText(command.data.cbId, 'cbId');
  if (state.status === 'Declared') {
    const holder = state.cbId === cbId ? 'this certification body' : 'another certification body';
    throw new RuleViolation('NUMBER_PREFIX_TAKEN', `the certificate number prefix ${prefix} is already declared for ${holder}`, 'prefix');
  }
  if (command.facts.body === null || command.facts.body.cbId !== cbId) {
    throw new RuleViolation('CB_NOT_FOUND', `certification body ${cbId} is not on record`, 'cbId');
  }
  return [{ type: 'CertificateNumberPrefixDeclared', data: { prefix, cbId } }];
}

export const numberPrefixDecider: Decider<NumberPrefixState, NumberPrefixCommand, NumberPrefixEvent> = { initialState, evolve, decide };
