import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt } from 'class-validator';
import { CommandInput } from '../mutation/command-input';
import { IdentifierField, PlainTextField } from '../mutation/input-fields';
import { IsOptional } from '../mutation/input-rules';

@InputType()
export class RegisterSchemeInput extends CommandInput {
  @IdentifierField({ description: 'e.g. "APO-PS 101:2023"; unique in the registry' })
  code!: string;

  @PlainTextField()
  title!: string;

  @PlainTextField({ nullable: true })
  sector?: string | null;

  @PlainTextField({ nullable: true })
  occupation?: string | null;

  @Field(() => Int, { nullable: true, description: 'ASEAN Qualifications Reference Framework level, 1-8' })
  @IsOptional()
  @IsInt()
  qualificationLevel?: number | null;
}
