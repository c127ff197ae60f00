import type { FastifyReply } from 'fastify';
import type { ErrorCode } from '../graphql/error-codes';

/**
 * A refusal sent before GraphQL ever runs, shaped like a GraphQL error response so that a client reads every
 * refusal the same way: `errors[0].extensions.code` is stable, `reason` says which limit.
 */
export function refuse(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown>,
): FastifyReply {
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ data: null, errors: [{ message, extensions: { ...details, code } }] });
}
