import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import { declareAggregate } from '../aggregate';
import { arrangementStream } from '../streams';
import type { ArrangementCommand } from './commands';
import { arrangementDecider, type ArrangementState } from './decider';
import { isArrangementEvent, type ArrangementEvent } from './events';

const AB = ['ACCREDITATION_BODY'] as const;

export const arrangementAggregate = declareAggregate<ArrangementCommand, ArrangementState, ArrangementEvent>({
  stream: ({ id }) => arrangementStream(id),
  decider: arrangementDecider,
  isEvent: isArrangementEvent,
  commands: {
    SignArrangement: {
      roles: AB,
      facts: async ({ data }, source) => {
        const [registeredSchemes, parties] = await Promise.all([
          source.registeredSchemes(data.schemes),
          Promise.all([...new Set(data.parties)].map((cbId) => source.certificationBody(cbId))),
        ]);
        return { registeredSchemes, parties: parties.filter((party): party is CertificationBodyTimeline => party !== null) };
      },
    },
    AdmitArrangementParty: { roles: AB, facts: async ({ data }, source) => ({ party: await source.certificationBody(data.cbId) }) },
    WithdrawArrangementParty: { roles: AB },
    AmendArrangementScope: { roles: AB, facts: async ({ data }, source) => ({ registeredSchemes: await source.registeredSchemes(data.schemes) }) },
    SuspendArrangement: { roles: AB },
    ReinstateArrangement: { roles: AB },
    TerminateArrangement: { roles: AB },
  },
});
