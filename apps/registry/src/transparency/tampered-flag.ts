import type { TransparencyLog } from '@registry/tlog';
import type { FastifyInstance } from 'fastify';

export const LOG_STATUS_HEADER = 'registry-log-status';

/** Started with --allow-tampered-log (or altered under a running registry): every answer says so in a header. */
export function flagAnswersWhenTampered(fastify: FastifyInstance, log: TransparencyLog): void {
  fastify.addHook('onSend', async (_request, reply, payload) => {
    if (log.tampered) void reply.header(LOG_STATUS_HEADER, 'tampered');
    return payload;
  });
}
