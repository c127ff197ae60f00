import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt } from 'class-validator';
import { CommandInput } from '../mutation/command-input';
import { IsIdentifier, IsOptional, IsPlainText } from '../mutation/input-rules';

@InputType()
export class RegisterSchemeInput extends CommandInput {
  @Field({ description: 'e.g. "APO-PS 101:2023"; unique in the registry' })
  @IsIdentifier()
  code!: string;

  @Field()
  @IsPlainText()
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPlainText()
  sector?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPlainText()
  occupation?: string | null;

  @Field(() => Int, { nullable: true, description: 'ASEAN Qualifications Reference Framework level, 1-8' })
  @IsOptional()
  @IsInt()
  qualificationLevel?: number | null;
}
