import { registerEnumType } from '@nestjs/graphql';
import type { ActionItemKind, ItemStatus, ProgressState, ReferencingStatus, SocialPartner, ValidationOutcome } from '@registry/domain';

// Registered once for the whole schema (write inputs and read objects share them).
export const SocialPartnerEnum = { EMPLOYERS: 'EMPLOYERS', WORKERS: 'WORKERS' } as const satisfies { [P in SocialPartner]: P };

export const ValidationOutcomeEnum = { VALIDATED: 'VALIDATED', NOT_VALIDATED: 'NOT_VALIDATED' } as const satisfies {
  [O in ValidationOutcome]: O;
};

export const ActionItemKindEnum = {
  IDENTIFY_SKILLS: 'IDENTIFY_SKILLS',
  REFERENCE_QUALIFICATION: 'REFERENCE_QUALIFICATION',
  TRAIN_ASSESSORS: 'TRAIN_ASSESSORS',
  SIGN_ARRANGEMENT: 'SIGN_ARRANGEMENT',
  OTHER: 'OTHER',
} as const satisfies { [K in ActionItemKind]: K };

export const ProgressStateEnum = { IN_PROGRESS: 'IN_PROGRESS', DONE: 'DONE' } as const satisfies { [P in ProgressState]: P };

export const ReferencingStatusEnum = { IN_PROGRESS: 'IN_PROGRESS', SUBMITTED: 'SUBMITTED', ENDORSED: 'ENDORSED' } as const satisfies {
  [S in ReferencingStatus]: S;
};

export const ItemStatusEnum = { DONE: 'DONE', ON_TRACK: 'ON_TRACK', OVERDUE: 'OVERDUE' } as const satisfies { [S in ItemStatus]: S };

registerEnumType(SocialPartnerEnum, { name: 'SocialPartner', description: "The employers' or the workers' organisations of a country." });
registerEnumType(ValidationOutcomeEnum, { name: 'ValidationOutcome', description: "A social partner's position on a proposed priority occupation." });
registerEnumType(ActionItemKindEnum, { name: 'ActionItemKind', description: 'What an item of an action plan is about.' });
registerEnumType(ProgressStateEnum, { name: 'ProgressState', description: 'A progress report: still in progress, or done (closes the item).' });
registerEnumType(ReferencingStatusEnum, { name: 'ReferencingStatus', description: "Where a framework's referencing to the AQRF stands." });
registerEnumType(ItemStatusEnum, {
  name: 'ItemStatus',
  description: 'An action-plan item on a date: DONE (reported done by then), OVERDUE (past its due date, not done), ON_TRACK otherwise.',
});
