import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { API_KEY_DIRECTORY, type ApiKeyDirectory } from '../auth/api-key-directory';
import { limitBodySize } from './body-size';
import type { Limits } from './limits-config';
import { limitRates } from './rate-limits';
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
  await limitRates(fastify, limits, keyDirectoryOf(app));
  limitBodySize(fastify, limits.bodyLimitBytes);
}

/** The read side provides the key directory; an app without one counts every caller by address. Looked up at the
 * first request, when every module is in place, and remembered either way. */
function keyDirectoryOf(app: NestFastifyApplication): () => ApiKeyDirectory | undefined {
  let lookedUp: { directory: ApiKeyDirectory | undefined } | undefined;
  return () => {
    lookedUp ??= { directory: find(app) };
    return lookedUp.directory;
  };
}

function find(app: NestFastifyApplication): ApiKeyDirectory | undefined {
  try {
    return app.get<ApiKeyDirectory>(API_KEY_DIRECTORY, { strict: false });
  } catch {
    return undefined;
  }
}
