import { Field, InputType } from '@nestjs/graphql';
import { ROLES, type Role } from '@registry/domain';
import { IsIn } from 'class-validator';
import { CommandInput } from '../mutation/command-input';
import { RoleEnum } from '../mutation/graphql-enums';
import { CountryField, IdentifierField, PlainTextField } from '../mutation/input-fields';

@InputType()
export class CreateApiKeyInput extends CommandInput {
  @Field(() => RoleEnum)
  @IsIn(ROLES)
  role!: Role;

  @IdentifierField({ nullable: true, description: 'Required for a CERTIFICATION_BODY key, refused for the others' })
  cbId?: string | null;

  @CountryField({ nullable: true, description: 'Required for a SKILLS_FOCAL_POINT key (an ASEAN member state), refused for the others' })
  country?: string | null;

  @PlainTextField({ description: 'Who or what holds the key, for people reading the audit trail' })
  label!: string;
}

@InputType()
export class RevokeApiKeyInput extends CommandInput {
  @IdentifierField()
  keyId!: string;
}
