import { Field, InputType, Int } from '@nestjs/graphql';
import {
  ACTION_ITEM_KINDS,
  PROGRESS_STATES,
  SOCIAL_PARTNERS,
  VALIDATION_OUTCOMES,
  type ActionItemKind,
  type ProgressState,
  type SocialPartner,
  type ValidationOutcome,
} from '@registry/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { CommandInput } from '../mutation/command-input';
import { CalendarDayField, CountryField, CountryListField, IdentifierField, LongTextField, PlainTextField } from '../mutation/input-fields';
import { INPUT_LIMITS, IsOptional } from '../mutation/input-rules';
import { ActionItemKindEnum, ProgressStateEnum, SocialPartnerEnum, ValidationOutcomeEnum } from './skills-enums';

const NQF_LEVEL = 'A level of the national framework, 1-10';
const AQRF_LEVEL = 'An ASEAN Qualifications Reference Framework level, 1-8';

/** An NQF level as an Int bounded like the domain's, so a wild number is bad input rather than a rule. */
function NqfLevelField(description = NQF_LEVEL): PropertyDecorator {
  return (target, key) => {
    Field(() => Int, { description })(target, key);
    IsInt()(target, key);
    Min(1)(target, key);
    Max(10)(target, key);
  };
}

function AqrfLevelField(nullable = false): PropertyDecorator {
  return (target, key) => {
    Field(() => Int, { description: AQRF_LEVEL, nullable })(target, key);
    if (nullable) IsOptional()(target, key);
    IsInt()(target, key);
    Min(1)(target, key);
    Max(8)(target, key);
  };
}

/** A list of nested inputs, each validated with its own class. */
function NestedListField(type: () => new () => object, description: string, nullable = false): PropertyDecorator {
  return (target, key) => {
    Field(() => [type()], { description, nullable })(target, key);
    if (nullable) IsOptional()(target, key);
    IsArray()(target, key);
    ArrayMaxSize(INPUT_LIMITS.list)(target, key);
    ValidateNested({ each: true })(target, key);
    Type(type)(target, key);
  };
}

@InputType({ description: 'One level of a national qualifications framework.' })
export class FrameworkLevelInput {
  @NqfLevelField()
  level!: number;

  @PlainTextField({ description: 'e.g. "Certificate II" or "Skilled worker"' })
  title!: string;
}

@InputType({ description: 'One line of a referencing: this NQF level sits at that AQRF level.' })
export class LevelReferenceInput {
  @NqfLevelField()
  nqfLevel!: number;

  @AqrfLevelField()
  aqrfLevel!: number;
}

@InputType({ description: "A country's national qualifications framework and its levels. Sent by the country's SKILLS_FOCAL_POINT." })
export class RegisterNationalFrameworkInput extends CommandInput {
  @CountryField({ description: 'An ASEAN member state: the focal point\'s own' })
  country!: string;

  @PlainTextField()
  title!: string;

  @NestedListField(() => FrameworkLevelInput, 'Every level, each number once')
  levels!: FrameworkLevelInput[];
}

@InputType({
  description:
    "New levels for a country's framework from amendedOn. Once its referencing has begun, give the references of the new levels: they are recorded as a new referencing version in progress, to be submitted and endorsed again (the endorsed version stays in force meanwhile). SKILLS_FOCAL_POINT of the country.",
})
export class AmendNationalFrameworkLevelsInput extends CommandInput {
  @CountryField()
  country!: string;

  @NestedListField(() => FrameworkLevelInput, 'Every level of the amended framework, each number once')
  levels!: FrameworkLevelInput[];

  @NestedListField(() => LevelReferenceInput, 'The referencing of the new levels: required once the referencing has begun, refused before', true)
  references?: LevelReferenceInput[] | null;

  @CalendarDayField()
  amendedOn!: string;

  @LongTextField()
  reason!: string;
}

@InputType({ description: 'Version 1 of the referencing to the AQRF, in progress from startedOn. SKILLS_FOCAL_POINT of the country.' })
export class StartAqrfReferencingInput extends CommandInput {
  @CountryField()
  country!: string;

  @NestedListField(() => LevelReferenceInput, 'Each NQF level once; several may share an AQRF level')
  references!: LevelReferenceInput[];

  @CalendarDayField()
  startedOn!: string;
}

@InputType({
  description: 'A new version of the referencing, in progress from amendedOn; an endorsed earlier version stays in force until this one is endorsed. SKILLS_FOCAL_POINT of the country.',
})
export class AmendAqrfReferencingInput extends CommandInput {
  @CountryField()
  country!: string;

  @NestedListField(() => LevelReferenceInput, 'The whole new referencing')
  references!: LevelReferenceInput[];

  @CalendarDayField()
  amendedOn!: string;

  @LongTextField()
  reason!: string;
}

@InputType({ description: 'The version in progress is submitted for endorsement. SKILLS_FOCAL_POINT of the country.' })
export class SubmitAqrfReferencingInput extends CommandInput {
  @CountryField()
  country!: string;

  @CalendarDayField()
  submittedOn!: string;
}

@InputType({ description: 'The submitted version is endorsed (by the AQRF Committee), recorded by the ACCREDITATION_BODY.' })
export class EndorseAqrfReferencingInput extends CommandInput {
  @CountryField()
  country!: string;

  @CalendarDayField()
  endorsedOn!: string;
}

@InputType({ description: "A qualification of a country's framework. SKILLS_FOCAL_POINT of the country." })
export class RegisterNationalQualificationInput extends CommandInput {
  @IdentifierField({ description: 'Unique in the registry, e.g. "KH-NQ-COOK-2"' })
  id!: string;

  @CountryField()
  country!: string;

  @PlainTextField()
  title!: string;

  @PlainTextField()
  occupation!: string;

  @PlainTextField()
  sector!: string;

  @NqfLevelField()
  nqfLevel!: number;

  @PlainTextField({ description: 'The body that awards it' })
  awardingBody!: string;
}

@InputType({
  description: "From linkedOn a scheme's certificates are this national qualification, or sit directly at this AQRF level: name exactly one. ACCREDITATION_BODY.",
})
export class LinkSchemeToQualificationInput extends CommandInput {
  @IdentifierField()
  schemeCode!: string;

  @IdentifierField({ nullable: true })
  qualificationId?: string | null;

  @AqrfLevelField(true)
  aqrfLevel?: number | null;

  @CalendarDayField()
  linkedOn!: string;
}

@InputType({ description: "A government proposes an occupation as a priority for mutual recognition of skills. SKILLS_FOCAL_POINT of the country." })
export class ProposePriorityOccupationInput extends CommandInput {
  @CountryField()
  country!: string;

  @IdentifierField({ description: 'The occupation\'s code, unique within the country, e.g. "COOK"' })
  code!: string;

  @PlainTextField()
  sector!: string;

  @PlainTextField({ description: 'Matched across countries by name, ignoring case' })
  occupation!: string;

  @CalendarDayField()
  proposedOn!: string;
}

@InputType({
  description: "One social partner's position on a proposed priority occupation, on its own statement: recorded by the ACCREDITATION_BODY, never by the proposing government.",
})
export class ValidatePriorityOccupationInput extends CommandInput {
  @CountryField()
  country!: string;

  @IdentifierField()
  code!: string;

  @Field(() => SocialPartnerEnum)
  @IsIn(SOCIAL_PARTNERS)
  partner!: SocialPartner;

  @PlainTextField({ description: 'The organisation, e.g. "Cambodian Federation of Employers and Business Associations"' })
  organisation!: string;

  @PlainTextField({ nullable: true, description: 'Who spoke for it' })
  representative?: string | null;

  @Field(() => ValidationOutcomeEnum)
  @IsIn(VALIDATION_OUTCOMES)
  outcome!: ValidationOutcome;

  @CalendarDayField()
  validatedOn!: string;
}

@InputType({ description: "A country's action plan and the member states it targets. SKILLS_FOCAL_POINT of the country." })
export class AdoptActionPlanInput extends CommandInput {
  @CountryField()
  country!: string;

  @PlainTextField()
  title!: string;

  @CountryListField({ description: 'ASEAN member states, distinct, not the country itself' })
  targetCountries!: string[];

  @CalendarDayField()
  adoptedOn!: string;
}

@InputType({ description: "The member states the country's action plan targets from amendedOn, with the reason. SKILLS_FOCAL_POINT of the country." })
export class AmendActionPlanTargetsInput extends CommandInput {
  @CountryField()
  country!: string;

  @CountryListField({ description: 'The whole new list: ASEAN member states, distinct, not the country itself' })
  targetCountries!: string[];

  @CalendarDayField()
  amendedOn!: string;

  @LongTextField()
  reason!: string;
}

@InputType({ description: 'An item of the action plan, with its due date. SKILLS_FOCAL_POINT of the country.' })
export class AddActionPlanItemInput extends CommandInput {
  @CountryField()
  country!: string;

  @IdentifierField()
  itemId!: string;

  @Field(() => ActionItemKindEnum)
  @IsIn(ACTION_ITEM_KINDS)
  kind!: ActionItemKind;

  @LongTextField()
  description!: string;

  @CalendarDayField()
  dueOn!: string;
}

@InputType({ description: "The skills focal point's dated report on one item; DONE closes it. SKILLS_FOCAL_POINT of the country." })
export class ReportActionPlanProgressInput extends CommandInput {
  @CountryField()
  country!: string;

  @IdentifierField()
  itemId!: string;

  @Field(() => ProgressStateEnum)
  @IsIn(PROGRESS_STATES)
  progress!: ProgressState;

  @LongTextField()
  note!: string;

  @CalendarDayField()
  reportedOn!: string;
}
