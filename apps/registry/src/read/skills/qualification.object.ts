import { Field, Int, ObjectType } from '@nestjs/graphql';
import { linkAt, type CalendarDate, type NationalQualificationTimeline, type SchemeLinkTimeline } from '@registry/domain';
import { DateScalar } from '../../graphql/date.scalar';
import { EventRefObject } from '../../graphql/event-ref.object';

@ObjectType('NationalQualification')
export class NationalQualificationObject {
  @Field()
  id!: string;

  @Field()
  country!: string;

  @Field()
  title!: string;

  @Field()
  occupation!: string;

  @Field()
  sector!: string;

  @Field(() => Int)
  nqfLevel!: number;

  @Field()
  awardingBody!: string;
}

export function toNationalQualificationObject(qualification: NationalQualificationTimeline): NationalQualificationObject {
  const { id, country, title, occupation, sector, nqfLevel, awardingBody } = qualification;
  return { id, country, title, occupation, sector, nqfLevel, awardingBody };
}

@ObjectType('SchemeQualificationLink', { description: 'A scheme linked to a national qualification, or directly to an AQRF level, from linkedOn.' })
export class SchemeQualificationLinkObject {
  @Field(() => DateScalar)
  linkedOn!: string;

  @Field(() => String, { nullable: true })
  qualificationId!: string | null;

  @Field(() => Int, { nullable: true })
  aqrfLevel!: number | null;

  @Field(() => EventRefObject)
  ref!: EventRefObject;
}

@ObjectType('SchemeLink')
export class SchemeLinkObject {
  @Field()
  schemeCode!: string;

  @Field(() => SchemeQualificationLinkObject, { nullable: true, description: 'The link in force on asOf.' })
  current!: SchemeQualificationLinkObject | null;

  @Field(() => [SchemeQualificationLinkObject], { description: 'Every link, in the order recorded.' })
  links!: SchemeQualificationLinkObject[];
}

export function toSchemeLinkObject(link: SchemeLinkTimeline, asOf: CalendarDate): SchemeLinkObject {
  return { schemeCode: link.schemeCode, current: linkAt(link, asOf), links: link.links };
}
