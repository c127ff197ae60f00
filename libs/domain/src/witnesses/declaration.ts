import { declareAggregate } from '../aggregate';
import { witnessStream } from '../streams';
import type { WitnessCommand } from './commands';
import { witnessDecider, type WitnessState } from './decider';
import { isWitnessEvent, type WitnessEvent } from './events';

export const witnessAggregate = declareAggregate<WitnessCommand, WitnessState, WitnessEvent>({
  stream: ({ name }) => witnessStream(name),
  decider: witnessDecider,
  isEvent: isWitnessEvent,
  commands: {
    RegisterWitness: { roles: ['ACCREDITATION_BODY'] },
  },
});
