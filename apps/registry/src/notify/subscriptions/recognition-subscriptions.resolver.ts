import { Inject } from '@nestjs/common';
import { Args, Context, Resolver, Subscription } from '@nestjs/graphql';
import { isRecognitionFact, type Actor, type DerivedFact, type RecognitionFact } from '@registry/domain';
import type { FastifyRequest } from 'fastify';
import { API_KEY_DIRECTORY, type ApiKeyDirectory } from '../../auth/api-key-directory';
import { identifyCaller } from '../../auth/caller';
import { KEY_HASHING, type KeyHashing } from '../../auth/key-hashing';
import { ApplicationError } from '../../errors';
import { isApplicationError, toGraphQLError } from '../../graphql/to-graphql-error';
import { chargeLookups } from '../../limits/lookup-allowance';
import { countryArgument, identifierArgument } from '../../read/query-arguments';
import { NotificationsHost } from '../notifications.host';
import { FactStream, refusedStream } from './fact-stream';
import { toRecognitionChange, RecognitionChangeObject } from './recognition-change.object';
import { SubscriptionCaps } from './subscription-caps';
import { SUBSCRIPTION_LIMITS, type SubscriptionLimits } from './subscription-limits';

/** What Mercurius gives a subscription's resolvers: the WebSocket upgrade request, whose headers by now hold
 * those of the connection_init payload (Mercurius adds them, never overriding the upgrade's own). */
interface SubscriptionContext {
  request?: FastifyRequest;
}

const passThrough = (change: RecognitionChangeObject) => change;

/**
 * GraphQL subscriptions on the derived recognition facts (graphql-ws over WebSocket, Mercurius's transport).
 * Who may follow what is who may read what: anyone may follow one exact (certificate, country) answer, since
 * anyone may look it up; a certification body's whole set only its own key, the accreditation body's and the
 * auditors'. Refusals come out of the stream rather than the resolver, so a caller's mistake is not logged as
 * the server's; the caps (per key or keyless address, per connection) are released when the stream ends.
 */
@Resolver()
export class RecognitionSubscriptionsResolver {
  private readonly caps: SubscriptionCaps;

  constructor(
    private readonly notifications: NotificationsHost,
    @Inject(API_KEY_DIRECTORY) private readonly directory: ApiKeyDirectory,
    @Inject(KEY_HASHING) private readonly hashing: KeyHashing,
    @Inject(SUBSCRIPTION_LIMITS) limits: SubscriptionLimits,
  ) {
    this.caps = new SubscriptionCaps(limits);
  }

  @Subscription(() => RecognitionChangeObject, {
    resolve: passThrough,
    description: 'Told when the answer to recognition(certificateNumber, country) changes (RecognitionLapsed or RecognitionRestored). Anyone, as the lookup itself.',
  })
  recognitionChanged(
    @Args('certificateNumber') certificateNumber: string,
    @Args('country') country: string,
    @Context() context: SubscriptionContext,
  ): Promise<AsyncIterableIterator<RecognitionChangeObject>> {
    return this.open(context, () => {
      const number = identifierArgument('certificateNumber', certificateNumber);
      const code = countryArgument('country', country);
      return (fact) => fact.type !== 'CertificateExpiring' && fact.data.certificateNumber === number && fact.data.country === code;
    });
  }

  @Subscription(() => RecognitionChangeObject, {
    resolve: passThrough,
    description: "Told of every derived fact about a certification body's certificates, expiry notices included. That CB's own key, ACCREDITATION_BODY or AUDITOR keys.",
  })
  recognitionChangedForCertificationBody(
    @Args('cbId') cbId: string,
    @Context() context: SubscriptionContext,
  ): Promise<AsyncIterableIterator<RecognitionChangeObject>> {
    return this.open(context, (caller) => {
      const id = identifierArgument('cbId', cbId);
      if (caller === null) throw new ApplicationError('UNAUTHENTICATED', 'An API key is required to follow a certification body');
      const own = caller.role === 'CERTIFICATION_BODY' && caller.cbId === id;
      if (!own && caller.role !== 'ACCREDITATION_BODY' && caller.role !== 'AUDITOR') {
        throw new ApplicationError('FORBIDDEN', `A ${caller.role} key may follow its own certification body only`, { role: caller.role });
      }
      return (fact) => fact.data.cbId === id;
    });
  }

  private async open(
    context: SubscriptionContext,
    authorize: (caller: Actor | null) => (fact: RecognitionFact) => boolean,
  ): Promise<AsyncIterableIterator<RecognitionChangeObject>> {
    try {
      const request = context.request;
      if (request === undefined) throw new ApplicationError('BAD_USER_INPUT', 'Subscriptions are served over WebSocket (graphql-ws) only', { reason: 'WEBSOCKET_ONLY' });
      const caller = await identifyCaller(request.headers.authorization, this.directory, this.hashing);
      if (caller.kind === 'refused') throw new ApplicationError('UNAUTHENTICATED', caller.reason);
      const actor = caller.kind === 'key' ? caller.actor : null;
      const accepts = authorize(actor);
      // Each subscription is charged as one lookup more, so opening and closing them cannot enumerate numbers
      // faster than looking them up (the upgrade request paid for its own unit).
      const charge = await chargeLookups(request, 2);
      if (!charge.allowed) {
        throw new ApplicationError('RATE_LIMITED', `Too many lookups from this caller; retry in ${charge.retryAfterSeconds} s`, {
          limit: charge.limit,
          retryAfterSeconds: charge.retryAfterSeconds,
        });
      }
      const release = this.caps.take(actor === null ? `address ${request.ip}` : `key ${actor.keyId}`, request, actor !== null);
      // The action plans' alerts share the stream of derived facts; these subscriptions follow recognition only.
      const facts = new FactStream((listener) => this.notifications.onFact(listener), (fact: DerivedFact): fact is RecognitionFact => isRecognitionFact(fact) && accepts(fact), release);
      return mapStream(facts, toRecognitionChange);
    } catch (error) {
      // Mapped here: Mercurius sends a subscription's failure over the socket past both the exception filter and
      // the error formatter, so an application error would leave without its code.
      return refusedStream(isApplicationError(error) ? toGraphQLError(error) : (error as Error));
    }
  }
}

function mapStream<A, B>(source: AsyncIterableIterator<A>, map: (value: A) => B): AsyncIterableIterator<B> {
  const mapped: AsyncIterableIterator<B> = {
    [Symbol.asyncIterator]: () => mapped,
    next: async () => {
      const result = await source.next();
      return result.done ? { value: undefined, done: true } : { value: map(result.value), done: false };
    },
    return: async () => {
      await source.return?.();
      return { value: undefined, done: true };
    },
  };
  return mapped;
}
