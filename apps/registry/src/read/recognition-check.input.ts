import { Field, InputType } from '@nestjs/graphql';
import type { CalendarDate } from '@registry/domain';
import { DateScalar } from '../graphql/date.scalar';

/** One row of a bulk check: the arguments of `recognition`. */
@InputType('RecognitionCheck')
export class RecognitionCheckInput {
  @Field()
  certificateNumber!: string;

  @Field({ description: 'ISO 3166-1 alpha-2' })
  country!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Default: today, UTC.' })
  asOf?: CalendarDate | null;
}
