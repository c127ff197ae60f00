import { Query, Resolver } from '@nestjs/graphql';
import { WATCH_OWNER_ROLES, watchOwnerKey, type Actor, type WatchTimeline } from '@registry/domain';
import { Authorizer, CallerActor } from '../../auth';
import { ReadSideHost } from '../../read/read-side.host';
import type { Delivery } from '../notification-store';
import { NotificationsHost } from '../notifications.host';
import { WatchObject, type WebhookDeliveryObject } from './watch.objects';

/** The deliveries listed per watch. */
const DELIVERIES_SHOWN = 50;

@Resolver(() => WatchObject)
export class WatchesResolver {
  constructor(
    private readonly readSide: ReadSideHost,
    private readonly notifications: NotificationsHost,
    private readonly authorizer: Authorizer,
  ) {}

  @Query(() => [WatchObject], {
    description: "Your watches (your key's, or your CB's), with their latest deliveries and last error. EMPLOYER, CERTIFICATION_BODY, SKILLS_FOCAL_POINT or ACCREDITATION_BODY keys.",
  })
  watches(@CallerActor() caller: Actor | null): WatchObject[] {
    const actor = this.authorizer.requireRole(caller, WATCH_OWNER_ROLES, 'watches');
    return this.readSide.readModels.watchesOf(watchOwnerKey(actor)).map((watch) => this.toObject(watch));
  }

  private toObject(watch: WatchTimeline): WatchObject {
    const deliveries = this.notifications.notifications.deliveriesOf(watch.watchId, DELIVERIES_SHOWN);
    const latestAttempt = [...deliveries].filter((d) => d.lastAttemptAt !== null).sort((a, b) => (b.lastAttemptAt ?? 0) - (a.lastAttemptAt ?? 0))[0];
    const { target } = watch;
    return {
      watchId: watch.watchId,
      url: watch.url,
      certificates: target.kind === 'CERTIFICATES' ? target.certificates : null,
      certificationBodyId: target.kind === 'CERTIFICATION_BODY' ? target.cbId : null,
      arrangementId: target.kind === 'ARRANGEMENT' ? target.arrangementId : null,
      actionPlan: target.kind === 'ACTION_PLAN' ? { country: target.country } : null,
      secretVersion: watch.secretVersion,
      deleted: watch.deleted !== null,
      deliveries: deliveries.map(toDeliveryObject),
      lastError: latestAttempt?.lastError ?? null,
    };
  }
}

function toDeliveryObject(delivery: Delivery): WebhookDeliveryObject {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const fact = JSON.parse(delivery.body) as { fact: { type: string } };
  return {
    deliveryId: delivery.deliveryId,
    type: fact.fact.type,
    factId: delivery.factId,
    status: delivery.status,
    attempts: delivery.attempts,
    createdAt: new Date(delivery.createdAt).toISOString(),
    lastAttemptAt: iso(delivery.lastAttemptAt),
    nextAttemptAt: delivery.status === 'PENDING' ? iso(delivery.nextAttemptAt) : null,
    deliveredAt: iso(delivery.deliveredAt),
    lastError: delivery.lastError,
  };
}
