import { Field, InputType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/date.scalar';
import { CommandInput } from '../mutation/command-input';
import { INPUT_LIMITS, IsCalendarDay, IsCountry, IsIdentifier, IsIdentifierList, IsPlainText } from '../mutation/input-rules';

@InputType()
export class AccreditCertificationBodyInput extends CommandInput {
  @Field({ description: 'The CB id, unique in the registry, e.g. "th-ftpi"' })
  @IsIdentifier()
  cbId!: string;

  @Field()
  @IsPlainText()
  name!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  @IsCountry()
  country!: string;

  @Field(() => [String], { description: 'Codes of registered schemes' })
  @IsIdentifierList()
  scope!: string[];

  @Field(() => DateScalar)
  @IsCalendarDay()
  accreditedOn!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  validUntil!: string;
}

@InputType()
export class RenewAccreditationInput extends CommandInput {
  @Field()
  @IsIdentifier()
  cbId!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  effectiveOn!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  validUntil!: string;
}

@InputType({ isAbstract: true })
abstract class AccreditationScopeChangeInput extends CommandInput {
  @Field()
  @IsIdentifier()
  cbId!: string;

  @Field(() => [String])
  @IsIdentifierList()
  schemes!: string[];

  @Field(() => DateScalar)
  @IsCalendarDay()
  effectiveOn!: string;
}

@InputType({ description: '`schemes`: the codes added to the scope from `effectiveOn`.' })
export class ExtendAccreditationScopeInput extends AccreditationScopeChangeInput {}

@InputType({ description: '`schemes`: the codes removed from the scope from `effectiveOn`.' })
export class ReduceAccreditationScopeInput extends AccreditationScopeChangeInput {}

@InputType({ isAbstract: true })
abstract class AccreditationStatusChangeInput extends CommandInput {
  @Field()
  @IsIdentifier()
  cbId!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  effectiveOn!: string;

  @Field()
  @IsPlainText(INPUT_LIMITS.text)
  reason!: string;
}

@InputType()
export class SuspendAccreditationInput extends AccreditationStatusChangeInput {}

@InputType()
export class ReinstateAccreditationInput extends AccreditationStatusChangeInput {}

@InputType()
export class WithdrawAccreditationInput extends AccreditationStatusChangeInput {}
