import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import type { Limits } from './limits-config';
import { refuse } from './limit-response';

/**
 * Two clocks. Receiving: Node answers 408 and closes a connection whose request has not fully arrived in
 * time (Fastify turns Node's default off). Answering: a request still unanswered at its deadline gets
 * SERVICE_UNAVAILABLE instead of hanging; work already started (an append) may still complete, which is why
 * mutations take a commandId — retrying with the same one is safe.
 */
export function limitRequestTime(fastify: FastifyInstance, server: Server, limits: Limits): void {
  server.requestTimeout = limits.receiveTimeoutMs;
  server.headersTimeout = limits.receiveTimeoutMs;
  // Node checks those timeouts on this interval (30 s by default); it is read when the server starts listening.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.min(
    1_000,
    limits.receiveTimeoutMs,
  );

  fastify.addHook('onRequest', (_request, reply, done) => {
    const deadline = setTimeout(() => {
      if (reply.sent) return;
      // A request still arriving (a slow upload) must not keep the connection after its answer.
      void reply.header('connection', 'close');
      refuse(reply, 503, 'SERVICE_UNAVAILABLE', `No answer within ${limits.requestTimeoutMs} ms; retry later`, {
        reason: 'TIMEOUT',
        timeoutMs: limits.requestTimeoutMs,
      });
    }, limits.requestTimeoutMs);
    reply.raw.once('close', () => clearTimeout(deadline));
    done();
  });
}
