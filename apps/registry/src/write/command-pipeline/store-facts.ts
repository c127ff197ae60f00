import {
  arrangementStream,
  certificateNumberPrefixStream,
  certificateStream,
  certificationBodyStream,
  evolveArrangementTimeline,
  evolveCertificateTimeline,
  evolveCertificationBodyTimeline,
  evolveNationalFrameworkTimeline,
  evolveNationalQualificationTimeline,
  evolveRecognitionDecisionTimeline,
  evolveSchemeTimeline,
  foldTimeline,
  nationalFrameworkStream,
  nationalQualificationStream,
  recognitionStream,
  schemeStream,
  type ArrangementTimeline,
  type CertificateTimeline,
  type CertificationBodyTimeline,
  type FactSource,
  type NationalFrameworkTimeline,
  type NationalQualificationTimeline,
  type NumberPrefixClaim,
  type RecognitionDecisionTimeline,
  type SchemeTimeline,
} from '@registry/domain';
import type { StreamSource } from './stream-reader';

/**
 * The facts a command declares (each aggregate's declaration.ts), read from their streams through the attempt's
 * reader. Facts are read, not locked: see the write README for the window this leaves and why it is safe.
 */
export function factsFrom(reads: StreamSource): FactSource {
  return {
    async certificationBody(cbId) {
      return foldTimeline<CertificationBodyTimeline>(evolveCertificationBodyTimeline, (await reads.load(certificationBodyStream(cbId))).records);
    },
    async certificate(number) {
      return foldTimeline<CertificateTimeline>(evolveCertificateTimeline, (await reads.load(certificateStream(number))).records);
    },
    async arrangement(id) {
      return foldTimeline<ArrangementTimeline>(evolveArrangementTimeline, (await reads.load(arrangementStream(id))).records);
    },
    async recognitionDecision(certificateNumber, country) {
      const { records } = await reads.load(recognitionStream(certificateNumber, country));
      return foldTimeline<RecognitionDecisionTimeline>(evolveRecognitionDecisionTimeline, records);
    },
    async scheme(code) {
      return foldTimeline<SchemeTimeline>(evolveSchemeTimeline, (await reads.load(schemeStream(code))).records);
    },
    async registeredSchemes(codes) {
      const distinct = [...new Set(codes)];
      const loaded = await Promise.all(distinct.map((code) => reads.load(schemeStream(code))));
      return distinct.filter((_code, index) => loaded[index].records.some(({ event }) => event.type === 'SchemeRegistered'));
    },
    async nationalFramework(country) {
      return foldTimeline<NationalFrameworkTimeline>(evolveNationalFrameworkTimeline, (await reads.load(nationalFrameworkStream(country))).records);
    },
    async nationalQualification(id) {
      return foldTimeline<NationalQualificationTimeline>(evolveNationalQualificationTimeline, (await reads.load(nationalQualificationStream(id))).records);
    },
    async numberPrefixClaims(prefixes) {
      const loaded = await Promise.all(prefixes.map((prefix) => reads.load(certificateNumberPrefixStream(prefix))));
      return loaded.flatMap(({ records }) =>
        records.flatMap(({ event }) => (event.type === 'CertificateNumberPrefixDeclared' ? [event.data as NumberPrefixClaim] : [])),
      );
    },
  };
}
