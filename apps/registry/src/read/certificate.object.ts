import { Field, ObjectType } from '@nestjs/graphql';
import { certificateStatusAt, certificateValidUntilAt, latest, type CertificateStatus, type CertificateTimeline, type Known } from '@registry/domain';
import { DateScalar } from '../graphql/date.scalar';
import { CertificateStatusEnum } from './read-enums';
import { RecordTimeFields } from './record-time/known-through.object';

/** What a printed certificate shows, on a date. `recognizedIn` is resolved on demand (see CertificateResolver). */
@ObjectType('Certificate')
export class CertificateObject extends RecordTimeFields {
  @Field()
  number!: string;

  @Field()
  holderName!: string;

  @Field()
  schemeCode!: string;

  @Field()
  certificationBodyId!: string;

  @Field(() => DateScalar)
  issuedOn!: string;

  @Field(() => DateScalar, { description: 'The end of the validity in force on asOf (the original one before issue).' })
  validUntil!: string;

  @Field(() => CertificateStatusEnum, { description: 'On asOf.' })
  status!: CertificateStatus;

  @Field(() => DateScalar, { description: 'The date status, validUntil and recognizedIn are given for.' })
  asOf!: string;

  /** Not in the schema: what recognizedIn folds. */
  timeline!: CertificateTimeline;

  /** Not in the schema: the records recognizedIn may take into account. */
  known?: Known;
}

export function toCertificateObject(timeline: CertificateTimeline, asOf: string): CertificateObject {
  const on = latest(asOf, timeline.issuedOn) ?? asOf;
  return {
    number: timeline.number,
    holderName: timeline.holderName,
    schemeCode: timeline.schemeCode,
    certificationBodyId: timeline.cbId,
    issuedOn: timeline.issuedOn,
    validUntil: certificateValidUntilAt(timeline, on) ?? timeline.validity[0].validUntil,
    status: certificateStatusAt(timeline, asOf),
    asOf,
    timeline,
  };
}
