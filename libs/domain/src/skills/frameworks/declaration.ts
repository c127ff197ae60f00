import { declareAggregate } from '../../aggregate';
import { nationalFrameworkStream } from '../../streams';
import type { NationalFrameworkCommand } from './commands';
import { nationalFrameworkDecider, type NationalFrameworkState } from './decider';
import { isNationalFrameworkEvent, type NationalFrameworkEvent } from './events';

const SFP = ['SKILLS_FOCAL_POINT'] as const;

/** The endorsement is the AQRF Committee's, recorded by the registry's operator (the AB), never by the country. */
export const nationalFrameworkAggregate = declareAggregate<NationalFrameworkCommand, NationalFrameworkState, NationalFrameworkEvent>({
  stream: ({ country }) => nationalFrameworkStream(country),
  decider: nationalFrameworkDecider,
  isEvent: isNationalFrameworkEvent,
  commands: {
    RegisterNationalFramework: { roles: SFP },
    AmendNationalFrameworkLevels: { roles: SFP },
    StartAqrfReferencing: { roles: SFP },
    AmendAqrfReferencing: { roles: SFP },
    SubmitAqrfReferencing: { roles: SFP },
    EndorseAqrfReferencing: { roles: ['ACCREDITATION_BODY'] },
  },
});
