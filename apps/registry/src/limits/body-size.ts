import type { FastifyInstance } from 'fastify';
import { refuse } from './limit-response';

/**
 * Every route gets Fastify's own `bodyLimit`, which cuts off a body sent without a Content-Length (chunked) at
 * the limit (413; on /graphql, GraphQL's error formatter answers it as BAD_USER_INPUT). A declared Content-Length
 * over the limit is refused here first, before one byte is read, because Fastify's own check would reach each
 * route's error handler — Mercurius's on /graphql, Fastify's default elsewhere — each with its own shape, while
 * every refusal of the registry reads alike: `extensions.code` and the `reason`.
 */
/** GraphQL's route: its own limit, so that a bulk import's 1,000 rows fit while pages and forms keep the small one. */
const GRAPHQL_URL = '/graphql';

export function limitBodySize(fastify: FastifyInstance, limitBytes: number, graphqlLimitBytes: number): void {
  const limitOf = (url: string | undefined): number => (url === GRAPHQL_URL ? graphqlLimitBytes : limitBytes);
  fastify.addHook('onRoute', (route) => {
    const limit = limitOf(route.url);
    route.bodyLimit = Math.min(route.bodyLimit ?? limit, limit);
  });
  fastify.addHook('onRequest', async (request, reply) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    const limit = limitOf(request.routeOptions.url);
    if (!(declared > limit)) return;
    // The unread body would otherwise sit in front of the next request on this connection.
    void reply.header('connection', 'close');
    return refuse(reply, 413, 'BAD_USER_INPUT', `The request body is larger than the limit of ${limit} bytes`, {
      reason: 'PAYLOAD_TOO_LARGE',
      limitBytes: limit,
    });
  });
}
