import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ComparabilityAnswer } from '@registry/domain';
import { DateScalar } from '../../graphql/date.scalar';
import { EventRefObject } from '../../graphql/event-ref.object';
import { ReasonObject } from '../recognition.object';

export const AnswerKindEnum = { COMPARABILITY: 'COMPARABILITY' } as const;
registerEnumType(AnswerKindEnum, { name: 'AnswerKind', description: 'What an answer is. COMPARABILITY is never a recognition.' });

@ObjectType('Comparability', {
  description:
    'Comparability, not recognition: where a qualification sits in the host country through both countries\u2019 endorsed AQRF referencing, and whether its occupation is a validated priority in both. Information for employers and recognition bodies.',
})
export class ComparabilityObject {
  @Field(() => AnswerKindEnum, { description: 'Always COMPARABILITY.' })
  kind!: 'COMPARABILITY';

  @Field({ description: 'What this answer is and is not, for a person.' })
  notice!: string;

  @Field(() => String, { nullable: true })
  qualificationId!: string | null;

  @Field(() => String, { nullable: true })
  certificateNumber!: string | null;

  @Field({ description: 'The host country, upper-case.' })
  country!: string;

  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => String, { nullable: true })
  homeCountry!: string | null;

  @Field(() => String, { nullable: true })
  occupation!: string | null;

  @Field(() => Int, { nullable: true })
  homeNqfLevel!: number | null;

  @Field(() => Int, { nullable: true })
  aqrfLevel!: number | null;

  @Field(() => [Int], { description: 'The host framework\u2019s levels at the same AQRF level; empty when not comparable.' })
  hostNqfLevels!: number[];

  @Field({ description: 'Both endorsed referencings place it at a level of the host framework.' })
  comparable!: boolean;

  @Field({ description: 'Its occupation is a validated (tripartite) priority occupation in both countries.' })
  priorityInBoth!: boolean;

  @Field(() => [ReasonObject], { description: 'Every unmet condition, the priority ones included.' })
  reasons!: ReasonObject[];

  @Field(() => [EventRefObject], { description: 'The recorded events the answer rests on, in log order.' })
  evidence!: EventRefObject[];
}

export function toComparabilityObject(answer: ComparabilityAnswer): ComparabilityObject {
  return { ...answer, reasons: answer.reasons.map(({ code, message }) => ({ code, message })) };
}
