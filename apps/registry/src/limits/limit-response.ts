import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorCode } from '../errors';

/** A refusal as a person should read it: what the verification pages render instead of JSON on their paths. */
export interface Refusal {
  status: number;
  code: ErrorCode;
  details: Record<string, unknown>;
}

/** Renders a refusal as a page, or returns null when the request is not for a page (the API keeps its JSON). */
export type PageRefusals = (request: FastifyRequest, reply: FastifyReply, refusal: Refusal) => FastifyReply | null;

// Keyed by the HTTP server, which every encapsulated Fastify context of one app shares (tests run several apps).
const pageRefusals = new WeakMap<object, PageRefusals>();

/** Lets the pages answer the limits' refusals on their own paths, in the reader's language. */
export function refuseOnPagesWith(server: object, render: PageRefusals): void {
  pageRefusals.set(server, render);
}

/**
 * A refusal sent before GraphQL ever runs, shaped like a GraphQL error response so that a client reads every
 * refusal the same way: `errors[0].extensions.code` is stable, `reason` says which limit. A page is refused with
 * a page (same status and headers), since its reader is a person with a browser.
 */
export function refuse(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown>,
): FastifyReply {
  const page = pageRefusals.get(reply.server.server)?.(reply.request, reply, { status, code, details });
  if (page !== null && page !== undefined) return page;
  return reply
    .code(status)
    .type('application/json; charset=utf-8')
    .send({ data: null, errors: [{ message, extensions: { ...details, code } }] });
}
