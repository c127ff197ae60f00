import { RecordTimeFields } from './record-time/known-through.object';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { SchemeTimeline } from '@registry/domain';

@ObjectType('Scheme', { description: 'A standard a person is certified against.' })
export class SchemeObject extends RecordTimeFields {
  @Field()
  code!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  sector!: string | null;

  @Field(() => String, { nullable: true })
  occupation!: string | null;

  @Field(() => Int, { nullable: true, description: 'ASEAN Qualifications Reference Framework level, 1-8.' })
  qualificationLevel!: number | null;
}

export function toSchemeObject(timeline: SchemeTimeline): SchemeObject {
  const { code, title, sector, occupation, qualificationLevel } = timeline;
  return { code, title, sector, occupation, qualificationLevel };
}
