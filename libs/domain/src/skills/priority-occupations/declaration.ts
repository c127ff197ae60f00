import { declareAggregate } from '../../aggregate';
import { priorityOccupationStream } from '../../streams';
import type { PriorityOccupationCommand } from './commands';
import { priorityOccupationDecider, type PriorityOccupationState } from './decider';
import { isPriorityOccupationEvent, type PriorityOccupationEvent } from './events';

/** A social partner's validation is recorded by the AB on the organisation's own statement. */
export const priorityOccupationAggregate = declareAggregate<PriorityOccupationCommand, PriorityOccupationState, PriorityOccupationEvent>({
  stream: ({ country, code }) => priorityOccupationStream(country, code),
  decider: priorityOccupationDecider,
  isEvent: isPriorityOccupationEvent,
  commands: {
    ProposePriorityOccupation: { roles: ['SKILLS_FOCAL_POINT'] },
    ValidatePriorityOccupation: { roles: ['ACCREDITATION_BODY'] },
  },
});
