import fastifyWebsocket from '@fastify/websocket';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { API_KEY_DIRECTORY, type ApiKeyDirectory } from '../auth/api-key-directory';
import { KEY_HASHING, type KeyHashing } from '../auth/key-hashing';
import { limitBodySize } from './body-size';
import type { Limits } from './limits-config';
import { type KeyLookup, limitRates } from './rate-limits';
import { limitRequestTime } from './request-deadlines';

/**
 * Puts every limit in front of every route. Must run after the app is created and before it is initialised
 * (before `listen`), so that the hooks are in place when Nest and GraphQL register their routes.
 */
export async function registerLimits(app: NestFastifyApplication, limits: Limits): Promise<void> {
  // Nest's adapter ships its own copy of fastify; the instance is the same shape.
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // Hooks run in this order: the deadline starts first, a throttled caller is refused before its body is looked at.
  limitRequestTime(fastify, app.getHttpServer(), limits);
  await limitRates(fastify, limits, keyLookupOf(app));
  limitBodySize(fastify, limits.bodyLimitBytes, limits.graphqlBodyLimitBytes);
  // Registered here, before Mercurius registers it with a 1 MiB bound, so that a subscription's message is
  // bounded as a request body is (Mercurius parses a subscription document before any hook sees it).
  await fastify.register(fastifyWebsocket, { options: { maxPayload: limits.bodyLimitBytes } });
}

/** The read side provides the key directory, the auth module the key hashing; an app without them counts every
 * caller by address. Looked up at the first request, when every module is in place, and remembered either way. */
function keyLookupOf(app: NestFastifyApplication): () => KeyLookup | undefined {
  let lookedUp: { keys: KeyLookup | undefined } | undefined;
  return () => {
    lookedUp ??= { keys: find(app) };
    return lookedUp.keys;
  };
}

function find(app: NestFastifyApplication): KeyLookup | undefined {
  try {
    return { directory: app.get<ApiKeyDirectory>(API_KEY_DIRECTORY, { strict: false }), hashing: app.get<KeyHashing>(KEY_HASHING, { strict: false }) };
  } catch {
    return undefined;
  }
}
