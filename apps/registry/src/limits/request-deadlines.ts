import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Server } from 'node:http';
import type { Limits } from './limits-config';
import { refuse } from './limit-response';

/**
 * Two clocks. Receiving: Node answers 408 and closes a connection whose request has not fully arrived in
 * time (Fastify turns Node's default off). Answering: a request still unanswered at its deadline gets
 * SERVICE_UNAVAILABLE instead of hanging; work already started (an append) may still complete, which is why
 * mutations take a commandId — retrying with the same one is safe.
 *
 * A request is answered once. The deadline answers only a request whose answer has not begun, and the late
 * answer of the work it cut short is then dropped (Fastify would otherwise try to send it too and log
 * "Reply was already sent"). Fastify has no hook that can stop a handler's `reply.send`, hence the wrapper.
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
    const answer = answerOnce(reply);
    const deadline = setTimeout(() => {
      answer.byDeadline(() => {
        // A request still arriving (a slow upload) must not keep the connection after its answer.
        void reply.header('connection', 'close');
        refuse(reply, 503, 'SERVICE_UNAVAILABLE', `No answer within ${limits.requestTimeoutMs} ms; retry later`, {
          reason: 'TIMEOUT',
          timeoutMs: limits.requestTimeoutMs,
        });
      });
    }, limits.requestTimeoutMs);
    reply.raw.once('close', () => clearTimeout(deadline));
    done();
  });
}

/** Lets either the route or the deadline answer, whichever begins first; the other is ignored. */
function answerOnce(reply: FastifyReply): { byDeadline(send: () => void): void } {
  let state: 'open' | 'answering' | 'answered-by-deadline' = 'open';
  const send = reply.send.bind(reply);
  reply.send = (payload?: unknown): FastifyReply => {
    if (state === 'answered-by-deadline') {
      reply.log.debug('a late answer after the request deadline was dropped');
      return reply;
    }
    state = 'answering';
    return send(payload);
  };
  return {
    byDeadline: (answer) => {
      if (state !== 'open' || reply.sent) return;
      answer();
      state = 'answered-by-deadline';
    },
  };
}
