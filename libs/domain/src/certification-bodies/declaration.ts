import { declareAggregate } from '../aggregate';
import { certificationBodyStream } from '../streams';
import type { CertificationBodyCommand } from './commands';
import { certificationBodyDecider, type CertificationBodyState } from './decider';
import { isCertificationBodyEvent, type CertificationBodyEvent } from './events';

const AB = ['ACCREDITATION_BODY'] as const;

export const certificationBodyAggregate = declareAggregate<CertificationBodyCommand, CertificationBodyState, CertificationBodyEvent>({
  stream: ({ cbId }) => certificationBodyStream(cbId),
  decider: certificationBodyDecider,
  isEvent: isCertificationBodyEvent,
  commands: {
    AccreditCertificationBody: { roles: AB, facts: async ({ data }, source) => ({ registeredSchemes: await source.registeredSchemes(data.scope) }) },
    RenewAccreditation: { roles: AB },
    ExtendAccreditationScope: { roles: AB, facts: async ({ data }, source) => ({ registeredSchemes: await source.registeredSchemes(data.schemes) }) },
    ReduceAccreditationScope: { roles: AB },
    SuspendAccreditation: { roles: AB },
    ReinstateAccreditation: { roles: AB },
    WithdrawAccreditation: { roles: AB },
  },
});
