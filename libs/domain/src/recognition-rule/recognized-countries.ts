import { everParties } from '../arrangements/standing';
import type { ArrangementTimeline } from '../arrangements/timeline';
import type { CertificateTimeline } from '../certificates/timeline';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { RecognitionDecisionTimeline } from '../recognition-decisions/timeline';
import type { CalendarDate } from '../shared/calendar-date';
import { normalizeCountry } from '../shared/countries';
import { evaluateRecognition } from './evaluate-recognition';

/** What `certificate.recognizedIn` needs: the certificate's whole neighbourhood in the registry. */
export type RecognizedInInput = {
  certificate: CertificateTimeline;
  issuingBody: CertificationBodyTimeline | null;
  /** Every arrangement that has, or had, the issuing CB as a party. */
  arrangements: readonly ArrangementTimeline[];
  /** The CBs that are, or were, parties to those arrangements. */
  bodies: readonly CertificationBodyTimeline[];
  /** Every decision recorded on this certificate, any country. */
  decisions: readonly RecognitionDecisionTimeline[];
};

/** The countries that could recognize the certificate: its CB's own, and those of its CB's MRA partners. */
export function candidateCountries(input: RecognizedInInput): string[] {
  const partners = new Set(input.arrangements.flatMap(everParties));
  const countries = new Set<string>();
  if (input.issuingBody) countries.add(input.issuingBody.country);
  for (const body of input.bodies) if (partners.has(body.cbId)) countries.add(body.country);
  return [...countries].sort();
}

/** The countries where the certificate is recognized on `asOf`, sorted. */
export function recognizedCountries(input: RecognizedInInput, asOf: CalendarDate): string[] {
  const { certificate, issuingBody, arrangements, bodies, decisions } = input;
  return candidateCountries(input).filter((country) => {
    const answer = evaluateRecognition(
      {
        certificateNumber: certificate.number,
        certificate,
        issuingBody,
        arrangements,
        hostBodies: bodies.filter((body) => body.country === country),
        decision: decisions.find((decision) => normalizeCountry(decision.country) === country) ?? null,
      },
      country,
      asOf,
    );
    return answer.recognized;
  });
}
