import { declareAggregate } from '../aggregate';
import { certificateNumberPrefixStream } from '../streams';
import type { NumberPrefixCommand } from './commands';
import { numberPrefixDecider, type NumberPrefixState } from './decider';
import { isNumberPrefixEvent, type NumberPrefixEvent } from './events';

export const numberPrefixAggregate = declareAggregate<NumberPrefixCommand, NumberPrefixState, NumberPrefixEvent>({
  stream: ({ prefix }) => certificateNumberPrefixStream(prefix),
  decider: numberPrefixDecider,
  isEvent: isNumberPrefixEvent,
  commands: {
    // The accreditation body reserves a prefix to a CB, never a CB to itself.
    DeclareCertificateNumberPrefix: { roles: ['ACCREDITATION_BODY'], facts: async ({ data }, source) => ({ body: await source.certificationBody(data.cbId) }) },
  },
});
