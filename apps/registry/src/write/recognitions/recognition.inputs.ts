import { Field, InputType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/date.scalar';
import { CommandInput } from '../mutation/command-input';
import { INPUT_LIMITS, IsCalendarDay, IsCountry, IsIdentifier, IsOptional, IsPlainText } from '../mutation/input-rules';

@InputType({ description: 'A host-country CB recognizes one certificate under an ON_APPLICATION arrangement.' })
export class GrantRecognitionInput extends CommandInput {
  @Field()
  @IsIdentifier()
  certificateNumber!: string;

  @Field({ description: 'The host country (ISO 3166-1 alpha-2): the deciding CB\'s own' })
  @IsCountry()
  country!: string;

  @Field()
  @IsIdentifier()
  arrangementId!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  decidedOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPlainText(INPUT_LIMITS.text)
  conditions?: string | null;
}

@InputType({
  description: 'From `decidedOn` the certificate is not recognized in `country`: the revocation of a grant, or a refusal under any mode.',
})
export class RevokeRecognitionInput extends CommandInput {
  @Field()
  @IsIdentifier()
  certificateNumber!: string;

  @Field()
  @IsCountry()
  country!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  decidedOn!: string;

  @Field()
  @IsPlainText(INPUT_LIMITS.text)
  reason!: string;
}
