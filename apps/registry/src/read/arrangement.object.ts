import { RecordTimeFields } from './record-time/known-through.object';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  arrangementPartiesAt,
  arrangementSchemesAt,
  arrangementStatusAt,
  latest,
  type ArrangementStatus,
  type ArrangementTimeline,
  type RecognitionMode,
} from '@registry/domain';
import { DateScalar } from '../graphql/date.scalar';
import { RecognitionModeEnum } from '../write/mutation/graphql-enums';
import { ArrangementStatusEnum } from './read-enums';

@ObjectType('Arrangement', { description: 'A Mutual Recognition Arrangement (MRA).' })
export class ArrangementObject extends RecordTimeFields {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => RecognitionModeEnum)
  mode!: RecognitionMode;

  @Field(() => [String], { description: 'Certification body ids that are parties on asOf (as signed, before it is in force).' })
  parties!: string[];

  @Field(() => [String], { description: 'Scheme codes covered on asOf (as signed, before it is in force).' })
  schemes!: string[];

  @Field(() => DateScalar)
  effectiveFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day in force, when it has an end.' })
  expiresOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'ON_APPLICATION: the days a host-country party has to decide an application; null when none is set.' })
  decisionPeriodDays!: number | null;

  @Field(() => ArrangementStatusEnum, { description: 'On asOf.' })
  status!: ArrangementStatus;

  @Field(() => DateScalar)
  asOf!: string;
}

export function toArrangementObject(timeline: ArrangementTimeline, asOf: string): ArrangementObject {
  const on = latest(asOf, timeline.effectiveFrom) ?? asOf;
  return {
    id: timeline.id,
    title: timeline.title,
    mode: timeline.mode,
    parties: arrangementPartiesAt(timeline, on),
    schemes: arrangementSchemesAt(timeline, on),
    effectiveFrom: timeline.effectiveFrom,
    expiresOn: timeline.expiresOn,
    decisionPeriodDays: timeline.decisionPeriodDays ?? null,
    status: arrangementStatusAt(timeline, asOf),
    asOf,
  };
}
