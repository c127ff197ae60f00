import { Field, Int, ObjectType } from '@nestjs/graphql';

/** A pointer to one recorded event: what an answer rests on, or what a mutation wrote. */
@ObjectType('EventRef')
export class EventRefObject {
  @Field()
  stream!: string;

  @Field(() => Int)
  revision!: number;

  /** The global log position, a 64-bit integer written as a decimal string. */
  @Field()
  position!: string;

  @Field()
  type!: string;
}
