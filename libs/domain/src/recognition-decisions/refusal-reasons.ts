/**
 * Why a host country refuses recognition on application: the published list, a public contract (exact strings,
 * never renamed). The free-text note says more; the code is what clients and statistics branch on.
 */
export const REFUSAL_REASONS = [
  /** The scheme's competence standard is not equivalent to the host country's requirement for the work. */
  'COMPETENCE_NOT_EQUIVALENT',
  /** The application lacks evidence the host country asked for (experience, assessment records). */
  'INSUFFICIENT_EVIDENCE',
  /** A national requirement outside the arrangement applies (licensing, language, residence). */
  'NATIONAL_REQUIREMENT_NOT_MET',
  /** The certificate is not in good standing on the decision date (suspended, withdrawn, expired, cancelled). */
  'CERTIFICATE_NOT_IN_GOOD_STANDING',
  /** The arrangement does not reach this case (scope, parties, dates). */
  'OUTSIDE_ARRANGEMENT_SCOPE',
  /** None of the above: the note says why. */
  'OTHER',
] as const;

export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export function isRefusalReason(value: unknown): value is RefusalReason {
  return typeof value === 'string' && (REFUSAL_REASONS as readonly string[]).includes(value);
}
