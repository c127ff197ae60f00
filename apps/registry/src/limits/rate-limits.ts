import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeyDirectory } from '../auth/api-key-directory';
import { identifyCaller } from '../auth/caller';
import type { KeyHashing } from '../auth/key-hashing';
import { cachedCaller } from '../auth/request-caller';
import type { Limits } from './limits-config';
import { refuse } from './limit-response';
import { installLookupCounter } from './lookup-allowance';

/** Load balancers probe this; it reads no data and must answer even while a client is being throttled. */
const UNLIMITED_PATHS = new Set(['/health', '/health/read-models']);

/**
 * A caller with a valid key is counted per key, wherever its requests come from; everyone else — no key, or a
 * key that is unknown or revoked — per client address, so inventing keys buys no fresh allowance.
 */
async function bucketOf(request: FastifyRequest, keys: KeyLookup | undefined): Promise<string> {
  if (keys !== undefined && request.headers.authorization !== undefined) {
    try {
      const caller = await cachedCaller(request, () => identifyCaller(request.headers.authorization, keys.directory, keys.hashing));
      if (caller.kind === 'key') return `key:${caller.actor.keyId}`;
    } catch {
      // The key directory cannot answer (read models rebuilding): counted by address; the request itself is
      // refused with the reason when it is authenticated.
    }
  }
  return `address:${request.ip}`;
}

/** What identifying a caller takes, both provided by the app's modules. */
export interface KeyLookup {
  directory: ApiKeyDirectory;
  hashing: KeyHashing;
}

/**
 * Counting is @fastify/rate-limit's (an LRU of fixed windows); the refusal is ours, answered straight from the
 * hook so that every route — GraphQL, GraphiQL, an unknown path — refuses alike: 429, RATE_LIMITED, Retry-After.
 */
export async function limitRates(
  fastify: FastifyInstance,
  limits: Limits,
  keys: () => KeyLookup | undefined,
): Promise<void> {
  await fastify.register(rateLimit, {
    global: false,
    timeWindow: limits.rateLimitWindowMs,
    keyGenerator: (request) => bucketOf(request, keys()),
    max: (_request, bucket) => (bucket.startsWith('key:') ? limits.rateLimitPerKey : limits.rateLimitPerAddress),
    allowList: (request) => UNLIMITED_PATHS.has(request.url.split('?')[0]),
  });
  const count = fastify.createRateLimit();

  fastify.addHook('onRequest', async (request, reply) => {
    const counted = await count(request);
    const keyed = counted.key.startsWith('key:');
    installLookupCounter(request, keyed, limits.rateLimitWindowMs, async () => {
      const unit = await count(request);
      return unit.isAllowed ? { isExceeded: false, max: Infinity, ttlInSeconds: 0 } : unit;
    });
    if (counted.isAllowed) return;
    void reply.header('x-ratelimit-limit', counted.max);
    void reply.header('x-ratelimit-remaining', counted.remaining);
    void reply.header('x-ratelimit-reset', counted.ttlInSeconds);
    if (!counted.isExceeded) return;
    const retryAfterSeconds = Math.max(1, counted.ttlInSeconds);
    void reply.header('retry-after', retryAfterSeconds);
    const per = counted.key.startsWith('key:') ? 'this API key' : 'this address without a valid API key';
    return refuse(reply, 429, 'RATE_LIMITED', `Too many requests from ${per}: ${counted.max} per ${limits.rateLimitWindowMs / 1000} s; retry in ${retryAfterSeconds} s`, {
      limit: counted.max,
      windowMs: limits.rateLimitWindowMs,
      retryAfterSeconds,
    });
  });
}
