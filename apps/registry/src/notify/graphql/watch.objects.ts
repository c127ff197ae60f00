import { Field, Int, ObjectType } from '@nestjs/graphql';
import { EventRefObject } from '../../graphql/event-ref.object';

@ObjectType('WatchedCertificate')
export class WatchedCertificateObject {
  @Field()
  certificateNumber!: string;

  @Field()
  country!: string;
}

@ObjectType('WatchedActionPlan')
export class WatchedActionPlanObject {
  @Field(() => String, { nullable: true, description: 'null: every plan in the region.' })
  country!: string | null;
}

@ObjectType('WebhookDelivery', { description: 'One derived fact sent (or being sent) to the watch\'s webhook, under its delivery id.' })
export class WebhookDeliveryObject {
  @Field({ description: 'Sent as the Registry-Delivery header, the same on every attempt: receivers drop duplicates by it.' })
  deliveryId!: string;

  @Field({ description: 'The derived fact: RecognitionLapsed, RecognitionRestored, CertificateExpiring, ActionPlanItemOverdue or ActionPlanItemOverdueCleared.' })
  type!: string;

  @Field()
  factId!: string;

  @Field({ description: 'PENDING (to be attempted again), DELIVERED or DEAD (given up after 72 hours of failures).' })
  status!: string;

  @Field(() => Int)
  attempts!: number;

  @Field()
  createdAt!: string;

  @Field(() => String, { nullable: true })
  lastAttemptAt!: string | null;

  @Field(() => String, { nullable: true, description: 'When PENDING.' })
  nextAttemptAt!: string | null;

  @Field(() => String, { nullable: true })
  deliveredAt!: string | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;
}

@ObjectType('Watch', { description: 'A watch of yours and what was sent through it.' })
export class WatchObject {
  @Field()
  watchId!: string;

  @Field()
  url!: string;

  @Field(() => [WatchedCertificateObject], { nullable: true })
  certificates!: WatchedCertificateObject[] | null;

  @Field(() => String, { nullable: true })
  certificationBodyId!: string | null;

  @Field(() => String, { nullable: true })
  arrangementId!: string | null;

  @Field(() => WatchedActionPlanObject, { nullable: true })
  actionPlan!: WatchedActionPlanObject | null;

  @Field(() => Int, { description: 'Goes up with each rotateWatchSecret.' })
  secretVersion!: number;

  @Field()
  deleted!: boolean;

  @Field(() => [WebhookDeliveryObject], { description: 'The latest deliveries, newest first (at most 50).' })
  deliveries!: WebhookDeliveryObject[];

  @Field(() => String, { nullable: true, description: 'The error of the latest failed attempt, if the latest attempt failed.' })
  lastError!: string | null;
}

@ObjectType('WatchSecretResult', { description: 'What createWatch or rotateWatchSecret recorded, and the signing secret: shown once.' })
export class WatchSecretResultObject {
  @Field()
  commandId!: string;

  @Field()
  position!: string;

  @Field(() => [EventRefObject])
  events!: EventRefObject[];

  @Field()
  replayed!: boolean;

  @Field()
  watchId!: string;

  @Field({ description: 'HMAC-SHA256 key of the Registry-Signature header. Not retrievable later: rotate it if lost.' })
  secret!: string;
}
