import { Field, ObjectType } from '@nestjs/graphql';
import { CommandResultObject } from '../mutation/command-result.object';

@ObjectType('CreateApiKeyResult', { description: 'What createApiKey recorded, and the key itself, shown this once.' })
export class CreateApiKeyResultObject extends CommandResultObject {
  @Field()
  keyId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The whole key for `Authorization: Bearer <key>`. Only its hash is stored: it is shown in this answer only, and is null when the commandId was a replay.',
  })
  key!: string | null;
}
