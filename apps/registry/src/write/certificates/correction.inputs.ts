import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { CORRECTABLE_FIELDS, type CorrectableField } from '@registry/domain';
import { IsIn } from 'class-validator';
import { CommandInput } from '../mutation/command-input';
import { IdentifierField, LongTextField, PlainTextField } from '../mutation/input-fields';

/** The printed fields a CB may correct: GraphQL's names for the domain's (HOLDER_NAME is `holderName`). The number
 * is not one: renumbering is a cancellation and a new issue. */
export const CorrectableFieldEnum = { HOLDER_NAME: 'holderName' } as const satisfies Record<string, CorrectableField>;

registerEnumType(CorrectableFieldEnum, {
  name: 'CorrectableField',
  description: 'A printed field issued wrongly. The certificate number is not one: renumbering is a cancellation and a new issue.',
});

@InputType({ description: 'Corrects a printed field issued wrongly, for every date; the history keeps both values.' })
export class CorrectCertificateInput extends CommandInput {
  @IdentifierField()
  number!: string;

  @Field(() => CorrectableFieldEnum)
  @IsIn(CORRECTABLE_FIELDS)
  field!: CorrectableField;

  @PlainTextField({ description: 'What should have been printed' })
  value!: string;

  @LongTextField()
  reason!: string;
}
