import { Field, InputType } from '@nestjs/graphql';
import { IsCommandId } from './input-rules';

/** What every mutation input has: an optional idempotency key. */
@InputType({ isAbstract: true })
export abstract class CommandInput {
  @Field(() => String, {
    nullable: true,
    description:
      'A UUID the caller chooses to make the mutation safe to retry: the same commandId again returns the first result and records nothing new.',
  })
  @IsCommandId()
  commandId?: string | null;
}
