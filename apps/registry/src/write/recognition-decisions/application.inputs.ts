import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { REFUSAL_REASONS, type RefusalReason } from '@registry/domain';
import { IsIn } from 'class-validator';
import { CommandInput } from '../mutation/command-input';
import { CalendarDayField, CountryField, IdentifierField, LongTextField } from '../mutation/input-fields';

export const RefusalReasonEnum = Object.fromEntries(REFUSAL_REASONS.map((code) => [code, code])) as { [R in RefusalReason]: R };

registerEnumType(RefusalReasonEnum, {
  name: 'RefusalReason',
  description: 'Why a host country refuses recognition on application: the published list (ARCHITECTURE.md). The note says more.',
});

@InputType({ description: "The certificate's own CB asks the host country to recognize it under an ON_APPLICATION arrangement." })
export class ApplyForRecognitionInput extends CommandInput {
  @IdentifierField()
  certificateNumber!: string;

  @CountryField({ description: 'The host country (ISO 3166-1 alpha-2)' })
  country!: string;

  @IdentifierField({ description: 'An ON_APPLICATION arrangement in force, with the issuing CB as a party, covering the scheme' })
  arrangementId!: string;

  @CalendarDayField()
  appliedOn!: string;

  @LongTextField({ nullable: true, description: 'A supporting note for the host country (not public)' })
  note?: string | null;
}

@InputType({ description: 'A host-country CB declines to recognize one certificate: it decides the pending application, if any.' })
export class RefuseRecognitionInput extends CommandInput {
  @IdentifierField()
  certificateNumber!: string;

  @CountryField({ description: "The host country (ISO 3166-1 alpha-2): the deciding CB's own" })
  country!: string;

  @CalendarDayField()
  decidedOn!: string;

  @Field(() => RefusalReasonEnum)
  @IsIn(REFUSAL_REASONS)
  reasonCode!: RefusalReason;

  @LongTextField({ nullable: true, description: 'What the code does not say (not public)' })
  note?: string | null;

  @IdentifierField({ nullable: true, description: "The arrangement acted under: by default the pending application's; required without one" })
  arrangementId?: string | null;
}
