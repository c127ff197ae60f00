import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CheckpointObject } from '../../transparency/proof.objects';

@ObjectType('KnownThrough', { description: 'What an answer rests on: the first treeSize events of the log, no later one.' })
export class KnownThroughObject {
  @Field(() => Int, { description: 'The last event taken into account: its leaf in the Merkle tree.' })
  leafIndex!: number;

  @Field(() => Int, { description: 'leafIndex + 1: the answer is computed from these first leaves of the log alone.' })
  treeSize!: number;

  @Field({ description: "The log's clock at that event (ISO 8601 UTC): when it was recorded." })
  recordedAt!: string;

  @Field(() => CheckpointObject, {
    nullable: true,
    description: 'The first checkpoint the registry signed that covers it (treeSize at least this treeSize); null for the second before it is signed.',
  })
  checkpoint!: CheckpointObject | null;
}

@ObjectType({ isAbstract: true })
export abstract class RecordTimeFields {
  @Field(() => String, { nullable: true, description: 'The instant asked about (ISO 8601 UTC, given as an instant with a zone): the answer rests on the events recorded at or before it only. Null: everything recorded so far.' })
  knownAt?: string | null;

  @Field(() => KnownThroughObject, { nullable: true, description: 'The last event the answer takes into account; null when nothing was recorded by knownAt.' })
  knownThrough?: KnownThroughObject | null;
}

@ObjectType('Correction', { description: 'An event recorded after the date asked about that changed the answer for that date.' })
export class CorrectionObject {
  @Field({ description: 'When it was recorded (ISO 8601 UTC).' })
  recordedAt!: string;

  @Field(() => Int, { nullable: true, description: 'Its leaf in the Merkle tree.' })
  leafIndex!: number | null;

  @Field({ description: 'The event type, e.g. CertificateSuspended.' })
  type!: string;
}

@ObjectType('LastRecord', { description: 'The latest event recorded about a certificate itself: its own stream, or a recognition decision on it.' })
export class LastRecordObject {
  @Field(() => String, { nullable: true, description: "When it was recorded (ISO 8601 UTC), by the log's clock; null for the moment the tree has not reached it." })
  recordedAt!: string | null;

  @Field(() => Int, { nullable: true, description: 'Its leaf in the Merkle tree.' })
  leafIndex!: number | null;

  @Field({ description: 'The event type, e.g. CertificateRenewed.' })
  type!: string;
}
