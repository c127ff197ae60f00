import { InputType } from '@nestjs/graphql';
import { CommandInput } from '../mutation/command-input';
import { CalendarDayField, CountryField, IdentifierField, LongTextField } from '../mutation/input-fields';

@InputType({
  description: 'A host-country CB recognizes one certificate under an ON_APPLICATION arrangement; it decides the pending application, if any.',
})
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

  @CalendarDayField({ nullable: true, description: 'The last day the grant holds, when it has an end of its own' })
  validUntil?: string | null;
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

  @IdentifierField({
    nullable: true,
    description:
      'The arrangement the deciding CB acts under: by default the one of the grant being revoked; required to refuse a recognition that was not granted (AUTOMATIC). The CB must be a party to it, with the issuing CB, and it must cover the scheme.',
  })
  arrangementId?: string | null;
}
