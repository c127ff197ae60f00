import { Global, Module } from '@nestjs/common';
import { NotificationsHost, WEBHOOK_CONFIG } from './notifications.host';
import { WatchesResolver } from './graphql/watches.resolver';
import { ImpactResolver } from './graphql/impact.resolver';
import { loadWebhookConfig } from './webhooks/webhook-config';
import { RecognitionSubscriptionsResolver } from './subscriptions/recognition-subscriptions.resolver';
import { loadSubscriptionLimits, SUBSCRIPTION_LIMITS } from './subscriptions/subscription-limits';

/**
 * Telling people when an answer changes: the derived recognition facts, the webhook outbox and its worker,
 * the `watches` query, the GraphQL subscriptions on the facts. Global so that the watch mutations (in the write module) reach NotificationsHost.
 * Needs EVENT_STORE, REGISTRY_CONFIG, CLOCK and the read side.
 */
@Global()
@Module({
  providers: [
    { provide: WEBHOOK_CONFIG, useFactory: () => loadWebhookConfig() }, NotificationsHost,
    WatchesResolver,
    ImpactResolver,
    { provide: SUBSCRIPTION_LIMITS, useFactory: () => loadSubscriptionLimits() },
    RecognitionSubscriptionsResolver,
  ],
  exports: [NotificationsHost],
})
export class NotifyModule {}
