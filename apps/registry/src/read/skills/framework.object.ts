import { Field, Int, ObjectType } from '@nestjs/graphql';
import {
  endorsedReferencingAt,
  levelsAt,
  referencingStatusAt,
  type CalendarDate,
  type NationalFrameworkTimeline,
  type ReferencingStatus,
} from '@registry/domain';
import { DateScalar } from '../../graphql/date.scalar';
import { EventRefObject } from '../../graphql/event-ref.object';
import { ReferencingStatusEnum } from '../../write/skills/skills-enums';

@ObjectType('FrameworkLevel')
export class FrameworkLevelObject {
  @Field(() => Int)
  level!: number;

  @Field()
  title!: string;
}

@ObjectType('FrameworkLevelsVersion', { description: 'The levels of a framework from a date (from null: as registered), and why they changed.' })
export class FrameworkLevelsVersionObject {
  @Field(() => [FrameworkLevelObject])
  levels!: FrameworkLevelObject[];

  @Field(() => DateScalar, { nullable: true })
  from!: string | null;

  @Field(() => String, { nullable: true, description: 'Why they were amended (amendments only).' })
  reason!: string | null;

  @Field(() => EventRefObject)
  ref!: EventRefObject;
}

@ObjectType('LevelReference', { description: 'This level of the national framework sits at that AQRF level.' })
export class LevelReferenceObject {
  @Field(() => Int)
  nqfLevel!: number;

  @Field(() => Int)
  aqrfLevel!: number;
}

@ObjectType('ReferencingStep', { description: 'A dated step of one version: IN_PROGRESS (started or amended), SUBMITTED, ENDORSED.' })
export class ReferencingStepObject {
  @Field(() => ReferencingStatusEnum)
  status!: ReferencingStatus;

  @Field(() => DateScalar)
  on!: string;

  @Field(() => String, { nullable: true, description: 'Why it was amended (amendments only).' })
  reason!: string | null;

  @Field(() => EventRefObject)
  ref!: EventRefObject;
}

@ObjectType('ReferencingVersion')
export class ReferencingVersionObject {
  @Field(() => Int)
  version!: number;

  @Field(() => [LevelReferenceObject])
  references!: LevelReferenceObject[];

  @Field(() => [ReferencingStepObject])
  steps!: ReferencingStepObject[];
}

@ObjectType('ReferencingState', { description: 'Where the referencing stands on asOf: its latest version begun by then.' })
export class ReferencingStateObject {
  @Field(() => Int)
  version!: number;

  @Field(() => ReferencingStatusEnum)
  status!: ReferencingStatus;

  @Field(() => DateScalar)
  since!: string;
}

@ObjectType('EndorsedReferencing', { description: 'The referencing in force on asOf: the latest version endorsed by then.' })
export class EndorsedReferencingObject {
  @Field(() => Int)
  version!: number;

  @Field(() => DateScalar)
  endorsedOn!: string;

  @Field(() => [LevelReferenceObject])
  references!: LevelReferenceObject[];
}

@ObjectType('NationalFramework', { description: "A member state's national qualifications framework and its referencing to the AQRF." })
export class NationalFrameworkObject {
  @Field()
  country!: string;

  @Field()
  title!: string;

  @Field(() => [FrameworkLevelObject], { description: 'The levels on asOf.' })
  levels!: FrameworkLevelObject[];

  @Field(() => [FrameworkLevelsVersionObject], { description: 'Every version of the levels, in the order recorded: the history.' })
  levelHistory!: FrameworkLevelsVersionObject[];

  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => ReferencingStateObject, { nullable: true, description: 'On asOf; null before any referencing began.' })
  referencing!: ReferencingStateObject | null;

  @Field(() => EndorsedReferencingObject, { nullable: true, description: 'On asOf; null when no version was endorsed by then.' })
  endorsed!: EndorsedReferencingObject | null;

  @Field(() => [ReferencingVersionObject], { description: 'Every version, in the order recorded: the history.' })
  versions!: ReferencingVersionObject[];
}

export function toNationalFrameworkObject(framework: NationalFrameworkTimeline, asOf: CalendarDate): NationalFrameworkObject {
  const endorsed = endorsedReferencingAt(framework, asOf);
  return {
    country: framework.country,
    title: framework.title,
    levels: levelsAt(framework, asOf),
    levelHistory: framework.levelHistory,
    asOf,
    referencing: referencingStatusAt(framework, asOf),
    endorsed: endorsed && { version: endorsed.version, endorsedOn: endorsed.endorsedOn, references: endorsed.references },
    versions: framework.versions,
  };
}
