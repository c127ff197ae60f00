import { Field, ObjectType } from '@nestjs/graphql';
import {
  priorityStandingAt,
  type CalendarDate,
  type PriorityOccupationTimeline,
  type PriorityStatus,
  type SocialPartner,
  type ValidationOutcome,
} from '@registry/domain';
import { registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/date.scalar';
import { EventRefObject } from '../../graphql/event-ref.object';
import { SocialPartnerEnum, ValidationOutcomeEnum } from '../../write/skills/skills-enums';

export const PriorityStatusEnum = {
  NOT_PROPOSED: 'NOT_PROPOSED',
  AWAITING_VALIDATION: 'AWAITING_VALIDATION',
  VALIDATED: 'VALIDATED',
  NOT_VALIDATED: 'NOT_VALIDATED',
} as const satisfies { [S in PriorityStatus]: S };

registerEnumType(PriorityStatusEnum, {
  name: 'PriorityStatus',
  description: 'Tripartite: VALIDATED only when both the employers\u2019 and the workers\u2019 organisations validated the government\u2019s proposal.',
});

@ObjectType('PartnerValidation', { description: "A social partner's position: who and when." })
export class PartnerValidationObject {
  @Field(() => SocialPartnerEnum)
  partner!: SocialPartner;

  @Field()
  organisation!: string;

  @Field(() => String, { nullable: true })
  representative!: string | null;

  @Field(() => ValidationOutcomeEnum)
  outcome!: ValidationOutcome;

  @Field(() => DateScalar)
  validatedOn!: string;

  @Field(() => EventRefObject)
  ref!: EventRefObject;
}

@ObjectType('PriorityOccupation')
export class PriorityOccupationObject {
  @Field()
  country!: string;

  @Field()
  code!: string;

  @Field()
  sector!: string;

  @Field()
  occupation!: string;

  @Field(() => DateScalar)
  proposedOn!: string;

  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => PriorityStatusEnum, { description: 'On asOf.' })
  status!: PriorityStatus;

  @Field(() => [SocialPartnerEnum], { description: 'Partners who had not taken a position by asOf.' })
  missingPartners!: SocialPartner[];

  @Field(() => [PartnerValidationObject], { description: 'Every validation recorded, in order.' })
  validations!: PartnerValidationObject[];

  @Field(() => [EventRefObject], { description: 'The proposal and the positions in force on asOf.' })
  evidence!: EventRefObject[];
}

export function toPriorityOccupationObject(priority: PriorityOccupationTimeline, asOf: CalendarDate): PriorityOccupationObject {
  const standing = priorityStandingAt(priority, asOf);
  const { country, code, sector, occupation, proposedOn, validations } = priority;
  return { country, code, sector, occupation, proposedOn, asOf, status: standing.status, missingPartners: standing.missingPartners, validations, evidence: standing.evidence };
}
