import { declareAggregate } from '../../aggregate';
import { schemeLinkStream } from '../../streams';
import type { SchemeLinkCommand } from './commands';
import { schemeLinkDecider, type SchemeLinkState } from './decider';
import { isSchemeLinkEvent, type SchemeLinkEvent } from './events';

/** The link of a scheme (the AB's) to a qualification is recorded by the AB. */
export const schemeLinkAggregate = declareAggregate<SchemeLinkCommand, SchemeLinkState, SchemeLinkEvent>({
  stream: ({ schemeCode }) => schemeLinkStream(schemeCode),
  decider: schemeLinkDecider,
  isEvent: isSchemeLinkEvent,
  commands: {
    LinkSchemeToQualification: {
      roles: ['ACCREDITATION_BODY'],
      facts: async ({ data }, source) => {
        const [scheme, qualification] = await Promise.all([
          source.scheme(data.schemeCode),
          data.qualificationId == null ? null : source.nationalQualification(data.qualificationId),
        ]);
        return { scheme, qualification };
      },
    },
  },
});
