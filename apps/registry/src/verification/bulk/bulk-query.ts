import type { CalendarDate, RecognitionBasis, ReasonCode } from '@registry/domain';
import type { FastifyRequest } from 'fastify';

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

/** Asked of the application's GraphQL like the answer page's query; the resolver charges the page's caller per row. */
export async function checkChunk(
  request: FastifyRequest,
  checks: { number: string; country: string; asOf: CalendarDate | null }[],
): Promise<BulkChunkResult> {
  const result = await request.server.graphql<{ recognitions: BulkAnswer[] }>(BULK_QUERY, { pageRequest: request }, {
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
