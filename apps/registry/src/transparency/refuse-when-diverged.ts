import type { TransparencyLog } from '@registry/tlog';
import type { FastifyInstance } from 'fastify';
import { refuse } from '../limits/limit-response';

/** What still answers when the log has diverged: how the registry stands, and what it signed before. */
const STILL_SERVED = [/^\/health(\/|$|\?)/, /^\/checkpoint($|\?)/, /^\/\.well-known\/registry-keys($|\?)/];

/**
 * Once the log no longer holds what the registry signed (a server that came back empty, another log on the
 * same address), every answer would rest on a log the registry cannot vouch for: reads and writes are refused
 * with one message naming the last checkpoint and what the log holds now, until an operator restores the store
 * or adopts the new log (`npm run adopt-log`). /health says `down`; the signed checkpoints stay readable.
 */
export function refuseWhenLogDiverged(fastify: FastifyInstance, log: TransparencyLog): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const diverged = log.diverged;
    if (diverged === null || STILL_SERVED.some((path) => path.test(request.url))) return;
    const checkpoint = diverged.checkpoint;
    return refuse(reply, 503, 'SERVICE_UNAVAILABLE', diverged.message, {
      reason: 'LOG_DIVERGED',
      checkpoint: checkpoint === null ? null : { treeSize: checkpoint.treeSize, rootHash: checkpoint.rootHash.toString('base64'), signedAt: checkpoint.signedAt },
      log: diverged.holds,
    });
  });
}
