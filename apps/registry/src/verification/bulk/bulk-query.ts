import type { CalendarDate, RecognitionBasis, ReasonCode } from '@registry/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type BulkAnswer = {
  certificateNumber: string;
  country: string;
  asOf: CalendarDate;
  recognized: boolean;
  basis: RecognitionBasis | null;
  validUntil: CalendarDate | null;
  reasons: { code: ReasonCode }[];
};

/** The API's bulk query, so a bulk check through the page is the same as one through GraphQL. */
const BULK_QUERY = `query BulkCheck($checks: [RecognitionCheck!]!) {
  recognitions(checks: $checks) { certificateNumber country asOf recognized basis validUntil reasons { code } }
}`;

export type BulkChunkResult = { answers: BulkAnswer[] } | { rateLimited: { retryAfterSeconds: number } };

export async function checkChunk(
  request: FastifyRequest,
  reply: FastifyReply,
  checks: { number: string; country: string; asOf: CalendarDate | null }[],
): Promise<BulkChunkResult> {
  const result = await reply.graphql<{ recognitions: BulkAnswer[] }>(BULK_QUERY, { pageRequest: request }, {
    checks: checks.map(({ number, country, asOf }) => ({ certificateNumber: number, country, asOf })),
  });
  const error = result.errors?.[0];
  if (error !== undefined) {
    if (error.extensions?.code === 'RATE_LIMITED') {
      return { rateLimited: { retryAfterSeconds: Number(error.extensions.retryAfterSeconds ?? 60) } };
    }
    throw error;
  }
  return { answers: result.data?.recognitions ?? [] };
}
