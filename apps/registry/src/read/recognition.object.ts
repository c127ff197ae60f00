import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { RecognitionAnswer, RecognitionBasis, RecognitionInput } from '@registry/domain';
import { DateScalar } from '../graphql/date.scalar';
import { EventRefObject } from '../graphql/event-ref.object';
import { RecognitionBasisEnum } from './read-enums';
import { RecordTimeFields } from './record-time/known-through.object';

@ObjectType('Reason', { description: 'A failed condition of the recognition rule.' })
export class ReasonObject {
  @Field({ description: 'Stable and machine-readable, e.g. CERTIFICATE_SUSPENDED.' })
  code!: string;

  @Field({ description: 'The same for a person.' })
  message!: string;
}

@ObjectType('Recognition', { description: 'Is this certificate recognized in this country on this date, why or why not, and on which records?' })
export class RecognitionObject extends RecordTimeFields {
  @Field()
  certificateNumber!: string;

  @Field({ description: 'ISO 3166-1 alpha-2, upper-case.' })
  country!: string;

  @Field(() => DateScalar)
  asOf!: string;

  @Field()
  recognized!: boolean;

  @Field(() => RecognitionBasisEnum, { nullable: true, description: 'Set only when recognized.' })
  basis!: RecognitionBasis | null;

  @Field(() => ID, { nullable: true, description: 'The arrangement recognized under (basis ARRANGEMENT or DECISION).' })
  arrangementId!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The earliest end among certificate, accreditation and arrangement.' })
  validUntil!: string | null;

  @Field(() => String, { nullable: true, description: "The host country's conditions on the grant recognized under (basis DECISION), when it set any." })
  conditions!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Basis DECISION: whether the grant decided an application (true) or was taken without one (false); null otherwise.',
  })
  decidedOnApplication!: boolean | null;

  @Field(() => [ReasonObject], { description: 'Every failed condition; empty when recognized.' })
  reasons!: ReasonObject[];

  @Field(() => [EventRefObject], { description: 'The recorded events the answer rests on, in log order.' })
  evidence!: EventRefObject[];

  /** Not in the schema: what certificationBody and scheme are resolved from; null for an unknown certificate. */
  certificate!: { cbId: string; schemeCode: string } | null;

  /** Not in the schema: what the answer was computed from, for `corrections`. */
  input?: RecognitionInput;
}

export function toRecognitionObject(answer: RecognitionAnswer, certificate: RecognitionObject['certificate']): RecognitionObject {
  return {
    certificateNumber: answer.certificateNumber,
    country: answer.country,
    asOf: answer.asOf,
    recognized: answer.recognized,
    basis: answer.basis,
    arrangementId: answer.arrangementId,
    validUntil: answer.validUntil,
    conditions: answer.conditions,
    decidedOnApplication: answer.decidedOnApplication,
    reasons: answer.reasons.map(({ code, message }) => ({ code, message })),
    evidence: answer.evidence,
    certificate,
  };
}
