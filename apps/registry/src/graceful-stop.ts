import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { refuse } from './limits/limit-response';

/** How long a stop waits for requests in flight before it closes their connections. */
export const DRAIN_MS = 10_000;

const STOPPING = Symbol('registry.stopping');
type Stoppable = FastifyInstance & { [STOPPING]?: boolean };

/**
 * Requests that reach a stopping registry on a connection it still has open are refused with a GraphQL-shaped
 * 503 (`reason: STOPPING`) and the connection closed, and every answer sent while stopping closes its
 * connection: clients retry elsewhere instead of meeting a reset. Register before the app listens.
 */
export function registerGracefulStop(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance() as unknown as Stoppable;
  fastify.addHook('onRequest', async (_request, reply) => {
    if (fastify[STOPPING] !== true) return;
    reply.header('connection', 'close');
    return refuse(reply, 503, 'SERVICE_UNAVAILABLE', 'The registry is stopping; send the request again (to another replica)', { reason: 'STOPPING' });
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (fastify[STOPPING] === true) reply.header('connection', 'close');
  });
}

/**
 * Stops in the order that loses nothing: stop accepting connections, let the requests in flight finish (at most
 * `drainMs`, then their connections are closed), and only then stop the read side and close the store (the
 * app's own shutdown: onModuleDestroy, then onApplicationShutdown). The read models therefore still follow
 * the log while the last mutations wait for them.
 */
export async function stopGracefully(app: NestFastifyApplication, drainMs = DRAIN_MS): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as Stoppable;
  const server = app.getHttpServer() as Server;
  fastify[STOPPING] = true;
  if (server.listening) {
    let timer: NodeJS.Timeout | undefined;
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, drainMs)));
    await Promise.race([drained, deadline]);
    clearTimeout(timer);
    server.closeAllConnections();
  }
  await app.close();
}
