import { Args, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { WATCH_OWNER_ROLES, watchOwnerKey, type Actor, type WatchTimeline } from '@registry/domain';
import { Authorizer, CallerActor } from '../../auth';
import { AFTER, Connection, FIRST, IN_PAGES, keysetPage, pageOf, pageRequest } from '../../read/pagination/connection';
import { ReadSideHost } from '../../read/read-side.host';
import type { Delivery } from '../notification-store';
import { NotificationsHost } from '../notifications.host';
import { WatchObject, WebhookDeliveryObject } from './watch.objects';

/** The deliveries listed per watch. */
const DELIVERIES_SHOWN = 50;

@ObjectType('WatchConnection')
export class WatchConnection extends Connection('Watch', WatchObject) {}

@ObjectType('WebhookDeliveryConnection')
export class WebhookDeliveryConnection extends Connection('WebhookDelivery', WebhookDeliveryObject) {}

/** A delivery's place in the newest-first order: its creation time (ms), then its id. */
const DELIVERY_KEY = /^(0|[1-9]\d{0,15}):(.+)$/s;

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

  @Query(() => WatchConnection, {
    description: `Your watches (your key's, or your CB's) by watch id, ${IN_PAGES}, with their latest deliveries and last error. EMPLOYER, CERTIFICATION_BODY, SKILLS_FOCAL_POINT or ACCREDITATION_BODY keys.`,
  })
  watchesConnection(
    @CallerActor() caller: Actor | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
  ): WatchConnection {
    const owner = watchOwnerKey(this.authorizer.requireRole(caller, WATCH_OWNER_ROLES, 'watches'));
    const models = this.readSide.readModels;
    return keysetPage(
      'watches',
      pageRequest('watches', first, after),
      (afterId, limit) => models.watchesOfPage(owner, afterId, limit),
      (row) => row.id,
      (row) => this.toObject(row.doc),
      () => models.watchCountOf(owner),
    );
  }

  @ResolveField(() => WebhookDeliveryConnection, { description: `Every delivery, newest first, ${IN_PAGES}.` })
  deliveriesConnection(
    @Parent() watch: WatchObject,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
  ): WebhookDeliveryConnection {
    const store = this.notifications.notifications;
    // The watch is in the cursor's list name: a cursor of one watch is refused by another.
    const list = `deliveries/${watch.watchId}`;
    const request = pageRequest(list, first, after, (key) => DELIVERY_KEY.test(key));
    const match = request.afterKey === null ? null : DELIVERY_KEY.exec(request.afterKey);
    const from = match === null ? null : { createdAt: Number(match[1]), deliveryId: match[2] };
    return pageOf(
      list,
      request,
      store.deliveriesOfAfter(watch.watchId, from, request.size + 1),
      (delivery) => `${delivery.createdAt}:${delivery.deliveryId}`,
      toDeliveryObject,
      () => store.deliveryCountOf(watch.watchId),
    );
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
