import { Field, InputType, Int } from '@nestjs/graphql';
import { RECOGNITION_MODES, type RecognitionMode } from '@registry/domain';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { IsOptional } from '../mutation/input-rules';
import { CommandInput } from '../mutation/command-input';
import { RecognitionModeEnum } from '../mutation/graphql-enums';
import { CalendarDayField, IdentifierField, IdentifierListField, LongTextField, PlainTextField } from '../mutation/input-fields';

@InputType()
export class SignArrangementInput extends CommandInput {
  @IdentifierField({ description: 'The arrangement id, unique in the registry' })
  id!: string;

  @PlainTextField()
  title!: string;

  @IdentifierListField({ description: 'CB ids of the signatories: two or more, distinct' })
  parties!: string[];

  @IdentifierListField({ description: 'Codes of the registered schemes covered' })
  schemes!: string[];

  @Field(() => RecognitionModeEnum)
  @IsIn(RECOGNITION_MODES)
  mode!: RecognitionMode;

  @CalendarDayField()
  effectiveFrom!: string;

  @CalendarDayField({ nullable: true, description: 'The last day in force, when the arrangement has an end' })
  expiresOn?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'ON_APPLICATION only: the days a host-country party has to decide an application, 1 to 3650 (past it: DECISION_OVERDUE)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  decisionPeriodDays?: number | null;
}

@InputType({ isAbstract: true })
abstract class ArrangementPartyChangeInput extends CommandInput {
  @IdentifierField()
  id!: string;

  @IdentifierField()
  cbId!: string;

  @CalendarDayField()
  effectiveOn!: string;
}

@InputType()
export class AdmitArrangementPartyInput extends ArrangementPartyChangeInput {}

@InputType()
export class WithdrawArrangementPartyInput extends ArrangementPartyChangeInput {}

@InputType({ description: '`schemes`: the full list covered from `effectiveOn`.' })
export class AmendArrangementScopeInput extends CommandInput {
  @IdentifierField()
  id!: string;

  @IdentifierListField()
  schemes!: string[];

  @CalendarDayField()
  effectiveOn!: string;
}

@InputType({ isAbstract: true })
abstract class ArrangementStatusChangeInput extends CommandInput {
  @IdentifierField()
  id!: string;

  @CalendarDayField()
  effectiveOn!: string;

  @LongTextField()
  reason!: string;
}

@InputType()
export class SuspendArrangementInput extends ArrangementStatusChangeInput {}

@InputType()
export class ReinstateArrangementInput extends ArrangementStatusChangeInput {}

@InputType()
export class TerminateArrangementInput extends ArrangementStatusChangeInput {}
