import { declareAggregate } from '../aggregate';
import { schemeStream } from '../streams';
import type { SchemeCommand } from './commands';
import { schemeDecider, type SchemeState } from './decider';
import { isSchemeEvent, type SchemeEvent } from './events';

export const schemeAggregate = declareAggregate<SchemeCommand, SchemeState, SchemeEvent>({
  stream: ({ code }) => schemeStream(code),
  decider: schemeDecider,
  isEvent: isSchemeEvent,
  commands: {
    RegisterScheme: { roles: ['ACCREDITATION_BODY'] },
  },
});
