import type { ArrangementTimeline } from './arrangements/timeline';
import type { CertificateTimeline } from './certificates/timeline';
import type { CertificationBodyTimeline } from './certification-bodies/timeline';
import type { RecognitionDecisionTimeline } from './recognition-decisions/timeline';
import type { NumberPrefixClaim } from './number-prefixes/number-prefix';
import type { SchemeTimeline } from './schemes/timeline';
import type { NationalFrameworkTimeline } from './skills/frameworks/timeline';
import type { NationalQualificationTimeline } from './skills/qualifications/timeline';

/**
 * Where a command's facts — the state of other aggregates it needs — are read from. The write side implements
 * it over the store (each stream folded into its timeline, null when empty); a test world over its events.
 */
export interface FactSource {
  certificationBody(cbId: string): Promise<CertificationBodyTimeline | null>;
  certificate(number: string): Promise<CertificateTimeline | null>;
  arrangement(id: string): Promise<ArrangementTimeline | null>;
  /** recognition-<certificateNumber>-<COUNTRY>: the decisions recorded on the pair. */
  recognitionDecision(certificateNumber: string, country: string): Promise<RecognitionDecisionTimeline | null>;
  scheme(code: string): Promise<SchemeTimeline | null>;
  /** The codes among `codes` whose scheme stream holds its registration, each once. */
  registeredSchemes(codes: readonly string[]): Promise<string[]>;
  nationalFramework(country: string): Promise<NationalFrameworkTimeline | null>;
  nationalQualification(id: string): Promise<NationalQualificationTimeline | null>;
  /** The declarations among numberprefix-<each of `prefixes`> (a handful of streams, most of them empty). */
  numberPrefixClaims(prefixes: readonly string[]): Promise<NumberPrefixClaim[]>;
}
