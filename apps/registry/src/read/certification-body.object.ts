import { RecordTimeFields } from './record-time/known-through.object';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import {
  accreditationScopeAt,
  accreditationStatusAt,
  accreditationValidUntilAt,
  latest,
  type AccreditationStatus,
  type CertificationBodyTimeline,
} from '@registry/domain';
import { DateScalar } from '../graphql/date.scalar';
import { AccreditationStatusEnum } from './read-enums';

@ObjectType('CertificationBody')
export class CertificationBodyObject extends RecordTimeFields {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country!: string;

  @Field(() => AccreditationStatusEnum, { description: 'On asOf.' })
  accreditationStatus!: AccreditationStatus;

  @Field(() => [String], { description: 'Scheme codes in scope on asOf (as first accredited, before that date).' })
  scope!: string[];

  @Field(() => DateScalar)
  accreditedOn!: string;

  @Field(() => DateScalar, { description: 'The end of the accreditation in force on asOf.' })
  validUntil!: string;

  @Field(() => DateScalar)
  asOf!: string;
}

export function toCertificationBodyObject(timeline: CertificationBodyTimeline, asOf: string): CertificationBodyObject {
  const on = latest(asOf, timeline.accreditedOn) ?? asOf;
  return {
    id: timeline.cbId,
    name: timeline.name,
    country: timeline.country,
    accreditationStatus: accreditationStatusAt(timeline, asOf),
    scope: accreditationScopeAt(timeline, on),
    accreditedOn: timeline.accreditedOn,
    validUntil: accreditationValidUntilAt(timeline, on) ?? timeline.validity[0].validUntil,
    asOf,
  };
}
