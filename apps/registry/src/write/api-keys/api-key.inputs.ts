import { Field, InputType } from '@nestjs/graphql';
import { ROLES, type Role } from '@registry/domain';
import { IsIn } from 'class-validator';
import { CommandInput } from '../mutation/command-input';
import { RoleEnum } from '../mutation/graphql-enums';
import { IsIdentifier, IsOptional, IsPlainText } from '../mutation/input-rules';

@InputType()
export class CreateApiKeyInput extends CommandInput {
  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role!: Role;

  @Field(() => String, { nullable: true, description: 'Required for a CERTIFICATION_BODY key, refused for the others' })
  @IsOptional()
  @IsIdentifier()
  cbId?: string | null;

  @Field({ description: 'Who or what holds the key, for people reading the audit trail' })
  @IsPlainText()
  label!: string;
}

@InputType()
export class RevokeApiKeyInput extends CommandInput {
  @Field()
  @IsIdentifier()
  keyId!: string;
}
