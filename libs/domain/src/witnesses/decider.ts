import { requireText } from '../shared/checks';
import type { Decider } from '../shared/decider';
import { RuleViolation } from '../shared/rule-violation';
import type { WitnessCommand } from './commands';
import type { WitnessEvent } from './events';

export type WitnessState = { status: 'Unregistered' } | { status: 'Registered'; name: string; verifierKey: string };

const initialState = (): WitnessState => ({ status: 'Unregistered' });

function evolve(_state: WitnessState, event: WitnessEvent): WitnessState {
  return { status: 'Registered', name: event.data.name, verifierKey: event.data.verifierKey };
}

function decide(command: WitnessCommand, state: WitnessState): WitnessEvent[] {
  const name = requireText(command.data.name, 'verifierKey');
  const verifierKey = requireText(command.data.verifierKey, 'verifierKey');
  if (!verifierKey.startsWith(`${name}+`)) {
    throw new RuleViolation('WITNESS_KEY_NAME_MISMATCH', `the verifier key does not belong to witness ${name}`, 'verifierKey');
  }
  if (state.status === 'Registered') {
    throw new RuleViolation('WITNESS_NAME_TAKEN', `witness ${name} is already registered`, 'verifierKey');
  }
  return [{ type: 'WitnessRegistered', data: { name, verifierKey } }];
}

export const witnessDecider: Decider<WitnessState, WitnessCommand, WitnessEvent> = { initialState, evolve, decide };
