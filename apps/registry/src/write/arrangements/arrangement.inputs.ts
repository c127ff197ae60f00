import { Field, InputType } from '@nestjs/graphql';
import { RECOGNITION_MODES, type RecognitionMode } from '@registry/domain';
import { IsIn } from 'class-validator';
import { DateScalar } from '../../graphql/date.scalar';
import { CommandInput } from '../mutation/command-input';
import { RecognitionModeEnum } from '../mutation/graphql-enums';
import { INPUT_LIMITS, IsCalendarDay, IsIdentifier, IsIdentifierList, IsOptional, IsPlainText } from '../mutation/input-rules';

@InputType()
export class SignArrangementInput extends CommandInput {
  @Field({ description: 'The arrangement id, unique in the registry' })
  @IsIdentifier()
  id!: string;

  @Field()
  @IsPlainText()
  title!: string;

  @Field(() => [String], { description: 'CB ids of the signatories: two or more, distinct' })
  @IsIdentifierList()
  parties!: string[];

  @Field(() => [String], { description: 'Codes of the registered schemes covered' })
  @IsIdentifierList()
  schemes!: string[];

  @Field(() => RecognitionModeEnum)
  @IsIn(RECOGNITION_MODES)
  mode!: RecognitionMode;

  @Field(() => DateScalar)
  @IsCalendarDay()
  effectiveFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The last day in force, when the arrangement has an end' })
  @IsOptional()
  @IsCalendarDay()
  expiresOn?: string | null;
}

@InputType({ isAbstract: true })
abstract class ArrangementPartyChangeInput extends CommandInput {
  @Field()
  @IsIdentifier()
  id!: string;

  @Field()
  @IsIdentifier()
  cbId!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  effectiveOn!: string;
}

@InputType()
export class AdmitArrangementPartyInput extends ArrangementPartyChangeInput {}

@InputType()
export class WithdrawArrangementPartyInput extends ArrangementPartyChangeInput {}

@InputType({ description: '`schemes`: the full list covered from `effectiveOn`.' })
export class AmendArrangementScopeInput extends CommandInput {
  @Field()
  @IsIdentifier()
  id!: string;

  @Field(() => [String])
  @IsIdentifierList()
  schemes!: string[];

  @Field(() => DateScalar)
  @IsCalendarDay()
  effectiveOn!: string;
}

@InputType({ isAbstract: true })
abstract class ArrangementStatusChangeInput extends CommandInput {
  @Field()
  @IsIdentifier()
  id!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  effectiveOn!: string;

  @Field()
  @IsPlainText(INPUT_LIMITS.text)
  reason!: string;
}

@InputType()
export class SuspendArrangementInput extends ArrangementStatusChangeInput {}

@InputType()
export class ReinstateArrangementInput extends ArrangementStatusChangeInput {}

@InputType()
export class TerminateArrangementInput extends ArrangementStatusChangeInput {}
