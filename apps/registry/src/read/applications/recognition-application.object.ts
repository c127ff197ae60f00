import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { decisionDueBy, type ArrangementTimeline, type CalendarDate, type RecognitionApplication } from '@registry/domain';
import { DateScalar } from '../../graphql/date.scalar';
import { EventRefObject } from '../../graphql/event-ref.object';
import { Connection } from '../pagination/connection';

export const ApplicationStatusEnum = { PENDING: 'PENDING', GRANTED: 'GRANTED', REFUSED: 'REFUSED' } as const;
export type ApplicationStatus = keyof typeof ApplicationStatusEnum;

registerEnumType(ApplicationStatusEnum, {
  name: 'ApplicationStatus',
  description: 'PENDING: awaits the host country’s decision. GRANTED or REFUSED: decided.',
});

@ObjectType('RecognitionApplication', { description: 'An application for recognition of one certificate in one country, and its decision.' })
export class RecognitionApplicationObject {
  @Field(() => ID, { description: '<certificateNumber>/<COUNTRY>/<n>, n counting the applications on the pair.' })
  applicationId!: string;

  @Field()
  certificateNumber!: string;

  @Field({ description: 'The host country, ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => ID)
  arrangementId!: string;

  @Field(() => DateScalar)
  appliedOn!: string;

  @Field(() => String, { nullable: true, description: "The applicant's supporting note." })
  note!: string | null;

  @Field(() => ApplicationStatusEnum)
  status!: ApplicationStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Set once decided.' })
  decidedOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The last day to decide, when the arrangement sets a decision period." })
  decisionDueBy!: string | null;

  @Field({ description: 'PENDING past decisionDueBy on asOf (the reason DECISION_OVERDUE in the recognition answer).' })
  overdue!: boolean;

  @Field(() => DateScalar, { description: 'The date overdue is given for (default: today, UTC).' })
  asOf!: string;

  @Field(() => EventRefObject, { description: 'The RecognitionApplied event.' })
  applied!: EventRefObject;
}

@ObjectType('RecognitionApplicationConnection')
export class RecognitionApplicationConnection extends Connection('RecognitionApplication', RecognitionApplicationObject) {}

export function toApplicationObject(
  application: RecognitionApplication,
  pair: { certificateNumber: string; country: string },
  arrangement: ArrangementTimeline | null,
  asOf: CalendarDate,
): RecognitionApplicationObject {
  const dueBy = decisionDueBy(application.appliedOn, arrangement);
  const status: ApplicationStatus = application.decided === null ? 'PENDING' : application.decided.outcome;
  return {
    applicationId: application.applicationId,
    certificateNumber: pair.certificateNumber,
    country: pair.country,
    arrangementId: application.arrangementId,
    appliedOn: application.appliedOn,
    note: application.note,
    status,
    decidedOn: application.decided?.decidedOn ?? null,
    decisionDueBy: dueBy,
    overdue: status === 'PENDING' && dueBy !== null && asOf > dueBy,
    asOf,
    applied: application.ref,
  };
}
