import type { CalendarDate, CertificateStatus, ComparabilityReasonCode, RecognitionBasis, ReasonCode } from '@registry/domain';
import type { FastifyRequest } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';

/** Issue 17's answer beside the recognition: where the qualification sits in the host country. Not recognition. */
export type ComparabilityView = {
  comparable: boolean;
  aqrfLevel: number | null;
  homeCountry: string | null;
  homeNqfLevel: number | null;
  hostNqfLevels: number[];
  occupation: string | null;
  priorityInBoth: boolean;
  reasons: { code: ComparabilityReasonCode }[];
};

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
    knownAt: string | null;
    knownThrough: { leafIndex: number; treeSize: number; recordedAt: string } | null;
    corrections: { recordedAt: string }[];
    comparability: ComparabilityView | null;
  };
  certificate: {
    holderName: string;
    status: CertificateStatus;
    issuedOn: CalendarDate;
    validUntil: CalendarDate;
    recognizedIn: string[];
    lastRecorded: { recordedAt: string | null };
  } | null;
  today?: { recognizedIn: string[] } | null;
};

const RECOGNITION = `recognition(certificateNumber: $number, country: $country, asOf: $asOf, knownAt: $knownAt) {
    certificateNumber country asOf recognized basis validUntil conditions
    reasons { code }
    arrangement { id title }
    certificationBody { name country }
    scheme { title qualificationLevel }
    knownAt knownThrough { leafIndex treeSize recordedAt }
    corrections { recordedAt }
    comparability { comparable aqrfLevel homeCountry homeNqfLevel hostNqfLevels occupation priorityInBoth reasons { code } }
  }
  certificate(number: $number, asOf: $asOf, knownAt: $knownAt) { holderName status issuedOn validUntil recognizedIn lastRecorded { recordedAt } }`;

/** For today's answer as known now, the certificate's own recognizedIn is "where else today"; otherwise it takes a second lookup. */
const FOR_TODAY = `query Verification($number: String!, $country: String!, $asOf: Date, $knownAt: String) {
  ${RECOGNITION}
}`;

const FOR_ANOTHER_DATE = `query Verification($number: String!, $country: String!, $asOf: Date, $knownAt: String) {
  ${RECOGNITION}
  today: certificate(number: $number) { recognizedIn }
}`;

export type VerificationRequest = { number: string; country: string; asOf: CalendarDate | null; knownAt: string | null };

/** How many lookups the query behind one answer page makes: what a page view is charged. */
export function verificationLookups(request: VerificationRequest, today: CalendarDate): number {
  return (request.asOf === null || request.asOf === today) && request.knownAt === null ? 2 : 3;
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
    knownAt: verification.knownAt,
  });
  if (result.errors !== undefined && result.errors.length > 0) return { errors: result.errors.map((error) => error.toJSON()) };
  if (result.data === undefined || result.data === null) return { errors: [{ message: 'no data' }] };
  return { data: result.data };
}
