import { InputType } from '@nestjs/graphql';
import { CommandInput } from '../mutation/command-input';
import { CalendarDayField, CountryField, IdentifierField, LongTextField } from '../mutation/input-fields';

@InputType({ description: 'A host-country CB recognizes one certificate under an ON_APPLICATION arrangement.' })
export class GrantRecognitionInput extends CommandInput {
  @IdentifierField()
  certificateNumber!: string;

  @CountryField({ description: 'The host country (ISO 3166-1 alpha-2): the deciding CB\'s own' })
  country!: string;

  @IdentifierField()
  arrangementId!: string;

  @CalendarDayField()
  decidedOn!: string;

  @LongTextField({ nullable: true })
  conditions?: string | null;
}

@InputType({
  description: 'From `decidedOn` the certificate is not recognized in `country`: the revocation of a grant, or a refusal under any mode.',
})
export class RevokeRecognitionInput extends CommandInput {
  @IdentifierField()
  certificateNumber!: string;

  @CountryField()
  country!: string;

  @CalendarDayField()
  decidedOn!: string;

  @LongTextField()
  reason!: string;
}
