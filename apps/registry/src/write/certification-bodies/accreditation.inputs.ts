import { InputType } from '@nestjs/graphql';
import { CommandInput } from '../mutation/command-input';
import { CalendarDayField, CountryField, IdentifierField, IdentifierListField, LongTextField, PlainTextField } from '../mutation/input-fields';

@InputType()
export class AccreditCertificationBodyInput extends CommandInput {
  @IdentifierField({ description: 'The CB id, unique in the registry, e.g. "th-ftpi"' })
  cbId!: string;

  @PlainTextField()
  name!: string;

  @CountryField({ description: 'ISO 3166-1 alpha-2' })
  country!: string;

  @IdentifierListField({ description: 'Codes of registered schemes' })
  scope!: string[];

  @CalendarDayField()
  accreditedOn!: string;

  @CalendarDayField()
  validUntil!: string;
}

@InputType()
export class RenewAccreditationInput extends CommandInput {
  @IdentifierField()
  cbId!: string;

  @CalendarDayField()
  effectiveOn!: string;

  @CalendarDayField()
  validUntil!: string;
}

@InputType({ isAbstract: true })
abstract class AccreditationScopeChangeInput extends CommandInput {
  @IdentifierField()
  cbId!: string;

  @IdentifierListField()
  schemes!: string[];

  @CalendarDayField()
  effectiveOn!: string;
}

@InputType({ description: '`schemes`: the codes added to the scope from `effectiveOn`.' })
export class ExtendAccreditationScopeInput extends AccreditationScopeChangeInput {}

@InputType({ description: '`schemes`: the codes removed from the scope from `effectiveOn`.' })
export class ReduceAccreditationScopeInput extends AccreditationScopeChangeInput {}

@InputType({ isAbstract: true })
abstract class AccreditationStatusChangeInput extends CommandInput {
  @IdentifierField()
  cbId!: string;

  @CalendarDayField()
  effectiveOn!: string;

  @LongTextField()
  reason!: string;
}

@InputType()
export class SuspendAccreditationInput extends AccreditationStatusChangeInput {
  @CalendarDayField({
    nullable: true,
    description: 'The end of the suspension: if the accreditation is not reinstated by then, it is withdrawn from that date, automatically.',
  })
  until?: string | null;
}

@InputType()
export class ReinstateAccreditationInput extends AccreditationStatusChangeInput {}

@InputType()
export class WithdrawAccreditationInput extends AccreditationStatusChangeInput {}
