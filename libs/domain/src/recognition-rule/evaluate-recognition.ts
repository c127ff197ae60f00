import type { ArrangementTimeline } from '../arrangements/timeline';
import { assessCertificate, certificateValidUntilAt } from '../certificates/standing';
import type { CertificateTimeline } from '../certificates/timeline';
import { accreditationValidUntilAt, assessAccreditation } from '../certification-bodies/standing';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import { decisionAt, type RecognitionDecisionTimeline } from '../recognition-decisions/timeline';
import { earliest, type CalendarDate } from '../shared/calendar-date';
import { normalizeCountry } from '../shared/countries';
import { orderedEvidence } from '../shared/event-ref';
import type { RecognitionAnswer } from './answer';
import { assessCrossBorder } from './cross-border';
import { assessPendingApplication } from './pending-application';
import type { Reason } from './reason-codes';

/** The records the recognition rule reads for one certificate and one country. Timelines that do not belong
 * (another certificate's decisions, another country's CBs) are ignored rather than trusted. */
export type RecognitionInput = {
  certificateNumber: string;
  /** certificate-<certificateNumber>, or null when it does not exist. */
  certificate: CertificateTimeline | null;
  /** cb-<the certificate's cbId>. */
  issuingBody: CertificationBodyTimeline | null;
  /** Every arrangement that has, or had, the issuing CB as a party. */
  arrangements: readonly ArrangementTimeline[];
  /** The CBs of the target country. */
  hostBodies: readonly CertificationBodyTimeline[];
  /** recognition-<certificateNumber>-<country>, or null when no decision was ever recorded. */
  decision: RecognitionDecisionTimeline | null;
};

/**
 * The recognition rule (ARCHITECTURE.md, "The recognition rule"): is the certificate recognized in `country` on
 * `asOf`? Every failed condition is listed, each with the records it rests on. The conditions carry the names
 * of RECOGNITION_CONDITIONS.
 */
export function evaluateRecognition(input: RecognitionInput, country: string, asOf: CalendarDate): RecognitionAnswer {
  const target = normalizeCountry(country);
  const { certificateNumber } = input;
  const certificate = input.certificate?.number === certificateNumber ? input.certificate : null;
  const unanswered = { certificateNumber, country: target, asOf, recognized: false, basis: null, arrangementId: null, validUntil: null, conditions: null, decidedOnApplication: null };
  if (certificate === null) {
    const reason: Reason = { code: 'CERTIFICATE_NOT_FOUND', message: `no certificate ${certificateNumber} is on record` };
    return { ...unanswered, reasons: [reason], evidence: [] };
  }
  const issuingBody = input.issuingBody?.cbId === certificate.cbId ? input.issuingBody : null;
  const certificateValid = assessCertificate(certificate, asOf);
  const issuerAccredited = assessAccreditation(issuingBody, certificate.schemeCode, asOf);
  const homeCountry = issuingBody !== null && issuingBody.country === target;
  const decisions =
    input.decision?.certificateNumber === certificateNumber && normalizeCountry(input.decision.country) === target
      ? input.decision
      : null;
  const decision = decisions && decisionAt(decisions, asOf);
  // arrangementApplies, recognitionGranted and notRevoked
  const crossBorder = homeCountry ? null : assessCrossBorder(certificate, input.arrangements, input.hostBodies, decision, target, asOf);

  // recognitionGranted (condition 5), while an application awaits the decision: said, and flagged past its period.
  const awaiting =
    crossBorder !== null && decisions !== null && crossBorder.failures.some((failure) => failure.code === 'RECOGNITION_NOT_GRANTED')
      ? assessPendingApplication(decisions, input.arrangements, target, asOf)
      : null;
  const reasons = [...certificateValid.failures, ...issuerAccredited.failures, ...(crossBorder?.failures ?? []), ...(awaiting?.failures ?? [])];
  const evidence = orderedEvidence([
    ...certificateValid.evidence,
    ...issuerAccredited.evidence,
    ...(crossBorder?.evidence ?? []),
    ...(awaiting?.evidence ?? []),
  ]);
  if (reasons.length > 0) return { ...unanswered, reasons, evidence };
  const arrangement = crossBorder?.arrangement ?? null;
  const basis = crossBorder ? crossBorder.basis : 'HOME';
  return {
    ...unanswered,
    recognized: true,
    basis,
    arrangementId: arrangement?.id ?? null,
    validUntil: earliest(
      certificateValidUntilAt(certificate, asOf),
      issuingBody && accreditationValidUntilAt(issuingBody, asOf),
      arrangement?.expiresOn,
      basis === 'DECISION' ? decision?.validUntil : null,
    ),
    conditions: basis === 'DECISION' ? (decision?.conditions ?? null) : null,
    decidedOnApplication: basis === 'DECISION' ? decision?.applicationId != null : null,
    reasons: [],
    evidence,
  };
}
