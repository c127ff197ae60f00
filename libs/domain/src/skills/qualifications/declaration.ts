import { declareAggregate } from '../../aggregate';
import { nationalQualificationStream } from '../../streams';
import type { NationalQualificationCommand } from './commands';
import { nationalQualificationDecider, type NationalQualificationState } from './decider';
import { isNationalQualificationEvent, type NationalQualificationEvent } from './events';

export const nationalQualificationAggregate = declareAggregate<NationalQualificationCommand, NationalQualificationState, NationalQualificationEvent>({
  stream: ({ id }) => nationalQualificationStream(id),
  decider: nationalQualificationDecider,
  isEvent: isNationalQualificationEvent,
  commands: {
    RegisterNationalQualification: {
      roles: ['SKILLS_FOCAL_POINT'],
      facts: async ({ data }, source) => ({ framework: await source.nationalFramework(data.country) }),
    },
  },
});
