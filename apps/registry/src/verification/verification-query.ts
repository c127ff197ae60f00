import type { CalendarDate, CertificateStatus, RecognitionBasis, ReasonCode } from '@registry/domain';
import type { FastifyRequest } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';

/** What the answer page shows, read through the public GraphQL API: the same resolvers as any integration. */
export type VerificationData = {
  recognition: {
    certificateNumber: string;
    country: string;
    asOf: CalendarDate;
    recognized: boolean;
    basis: RecognitionBasis | null;
    validUntil: CalendarDate | null;
    conditions: string | null;
    reasons: { code: ReasonCode }[];
    arrangement: { id: string; title: string } | null;
    certificationBody: { name: string; country: string } | null;
    scheme: { title: string; qualificationLevel: number | null } | null;
  };
  certificate: { holderName: string; status: CertificateStatus; issuedOn: CalendarDate; validUntil: CalendarDate; recognizedIn: string[] } | null;
  today?: { recognizedIn: string[] } | null;
};

const RECOGNITION = `recognition(certificateNumber: $number, country: $country, asOf: $asOf) {
    certificateNumber country asOf recognized basis validUntil conditions
    reasons { code }
    arrangement { id title }
    certificationBody { name country }
    scheme { title qualificationLevel }
  }`;

/** For today's answer the certificate's own recognizedIn is "where else today"; for another date it takes a second lookup. */
const FOR_TODAY = `query Verification($number: String!, $country: String!, $asOf: Date) {
  ${RECOGNITION}
  certificate(number: $number, asOf: $asOf) { holderName status issuedOn validUntil recognizedIn }
}`;

const FOR_ANOTHER_DATE = `query Verification($number: String!, $country: String!, $asOf: Date) {
  ${RECOGNITION}
  certificate(number: $number, asOf: $asOf) { holderName status issuedOn validUntil recognizedIn }
  today: certificate(number: $number) { recognizedIn }
}`;

export type VerificationRequest = { number: string; country: string; asOf: CalendarDate | null };

/** How many lookups the query behind one answer page makes: what a page view is charged. */
export function verificationLookups(request: VerificationRequest, today: CalendarDate): number {
  return request.asOf === null || request.asOf === today ? 2 : 3;
}

export type VerificationResult = { data: VerificationData } | { errors: readonly GraphQLFormattedError[] };

/**
 * Asked of the application's GraphQL (not as the HTTP request): pages are anonymous, they never read API keys, and
 * charge their caller for the lookups themselves; `pageRequest` only tells `recognitions` whom to charge.
 */
export async function runVerificationQuery(
  request: FastifyRequest,
  verification: VerificationRequest,
  today: CalendarDate,
): Promise<VerificationResult> {
  const source = verificationLookups(verification, today) === 2 ? FOR_TODAY : FOR_ANOTHER_DATE;
  const result = await request.server.graphql<VerificationData>(source, { pageRequest: request }, {
    number: verification.number,
    country: verification.country,
    asOf: verification.asOf,
  });
  if (result.errors !== undefined && result.errors.length > 0) return { errors: result.errors.map((error) => error.toJSON()) };
  if (result.data === undefined || result.data === null) return { errors: [{ message: 'no data' }] };
  return { data: result.data };
}
