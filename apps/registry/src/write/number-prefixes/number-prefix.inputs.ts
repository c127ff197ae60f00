import { Field, InputType } from '@nestjs/graphql';
import { IsString, Matches } from 'class-validator';
import { CommandInput } from '../mutation/command-input';
import { IdentifierField } from '../mutation/input-fields';

@InputType({
  description:
    "Reserves certificate numbers beginning with `prefix` (then a character that is not a letter or digit) to one CB: no other CB may issue them. ACCREDITATION_BODY keys.",
})
export class DeclareCertificateNumberPrefixInput extends CommandInput {
  @Field({ description: '1 to 4 groups of letters and digits joined by "-", at most 32 characters, e.g. "MY-PS"; compared without regard to case' })
  @IsString()
  @Matches(/^(?=.{1,32}$)[A-Za-z0-9]+(?:-[A-Za-z0-9]+){0,3}$/, { message: 'prefix must be 1 to 4 groups of letters and digits joined by "-", at most 32 characters' })
  prefix!: string;

  @IdentifierField({ description: 'The certification body the prefix is reserved to' })
  cbId!: string;
}
