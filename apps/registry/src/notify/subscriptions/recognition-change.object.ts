import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { RecognitionFact } from '@registry/domain';
import { DateScalar } from '../../graphql/date.scalar';
import { EventRefObject } from '../../graphql/event-ref.object';
import { ReasonObject } from '../../read/recognition.object';

@ObjectType('RecognitionChange', { description: 'A derived recognition fact, as the webhooks deliver it: an answer turned from yes to no (RecognitionLapsed), from no to yes (RecognitionRestored), or a certificate nearing its end (CertificateExpiring, to its CB only).' })
export class RecognitionChangeObject {
  @Field({ description: 'The fact\'s id: the same on every rebuild of the facts, as in the webhooks\' bodies.' })
  factId!: string;

  @Field({ description: 'RecognitionLapsed, RecognitionRestored or CertificateExpiring.' })
  type!: string;

  @Field()
  certificateNumber!: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; null for CertificateExpiring.' })
  country!: string | null;

  @Field({ description: "The certificate's issuing certification body." })
  cbId!: string;

  @Field(() => DateScalar, { description: 'The first date on which the answer is the new one.' })
  asOf!: string;

  @Field(() => String, { nullable: true, description: 'EVENT (an event recorded) or CALENDAR (a date an earlier event named arrived); null for CertificateExpiring.' })
  trigger!: string | null;

  @Field(() => EventRefObject, { description: 'The recorded event that caused the change.' })
  cause!: EventRefObject;

  @Field(() => String, { nullable: true })
  arrangementId!: string | null;

  @Field(() => [ReasonObject], { description: 'Why the answer is now no (RecognitionLapsed); empty otherwise.' })
  reasons!: ReasonObject[];

  @Field(() => Int, { nullable: true, description: 'CertificateExpiring: the days left before validUntil.' })
  daysBefore!: number | null;
}

export function toRecognitionChange(fact: RecognitionFact): RecognitionChangeObject {
  const common = { factId: fact.id, type: fact.type, cause: { ...fact.data.cause, position: String(fact.data.cause.position) } };
  if (fact.type === 'CertificateExpiring') {
    const { certificateNumber, cbId, asOf, daysBefore } = fact.data;
    return { ...common, certificateNumber, cbId, asOf, country: null, trigger: null, arrangementId: null, reasons: [], daysBefore };
  }
  const { certificateNumber, country, cbId, asOf, trigger, arrangementId } = fact.data;
  const reasons = fact.type === 'RecognitionLapsed' ? fact.data.reasons.map(({ code, message }) => ({ code, message })) : [];
  return { ...common, certificateNumber, country, cbId, asOf, trigger, arrangementId, reasons, daysBefore: null };
}
