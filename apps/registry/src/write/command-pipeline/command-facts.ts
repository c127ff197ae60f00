import {
  arrangementStream,
  certificateStream,
  certificationBodyStream,
  evolveNationalFrameworkTimeline,
  evolveNationalQualificationTimeline,
  evolveSchemeTimeline,
  nationalFrameworkStream,
  nationalQualificationStream,
  type NationalFrameworkTimeline,
  type NationalQualificationTimeline,
  type SchemeTimeline,
  evolveArrangementTimeline,
  evolveCertificateTimeline,
  evolveCertificationBodyTimeline,
  foldTimeline,
  recognitionStream,
  schemeStream,
  unreachable,
  type ArrangementTimeline,
  type CertificateTimeline,
  type CertificationBodyTimeline,
  type DecisionFacts,
  type RegistryCommand,
} from '@registry/domain';
import type { CommandDraft } from './command-draft';
import type { StreamReader } from './stream-reader';

async function certificationBody(reads: StreamReader, cbId: string): Promise<CertificationBodyTimeline | null> {
  const { records } = await reads.load(certificationBodyStream(cbId));
  return foldTimeline<CertificationBodyTimeline>(evolveCertificationBodyTimeline, records);
}

async function certificate(reads: StreamReader, number: string): Promise<CertificateTimeline | null> {
  const { records } = await reads.load(certificateStream(number));
  return foldTimeline<CertificateTimeline>(evolveCertificateTimeline, records);
}

async function arrangement(reads: StreamReader, id: string): Promise<ArrangementTimeline | null> {
  const { records } = await reads.load(arrangementStream(id));
  return foldTimeline<ArrangementTimeline>(evolveArrangementTimeline, records);
}

async function nationalFramework(reads: StreamReader, country: string): Promise<NationalFrameworkTimeline | null> {
  const { records } = await reads.load(nationalFrameworkStream(country));
  return foldTimeline<NationalFrameworkTimeline>(evolveNationalFrameworkTimeline, records);
}

async function nationalQualification(reads: StreamReader, id: string): Promise<NationalQualificationTimeline | null> {
  const { records } = await reads.load(nationalQualificationStream(id));
  return foldTimeline<NationalQualificationTimeline>(evolveNationalQualificationTimeline, records);
}

async function scheme(reads: StreamReader, code: string): Promise<SchemeTimeline | null> {
  const { records } = await reads.load(schemeStream(code));
  return foldTimeline<SchemeTimeline>(evolveSchemeTimeline, records);
}

/** The codes among `codes` whose scheme stream holds its registration. */
async function registeredSchemes(reads: StreamReader, codes: readonly string[]): Promise<string[]> {
  const distinct = [...new Set(codes)];
  const loaded = await Promise.all(distinct.map((code) => reads.load(schemeStream(code))));
  return distinct.filter((_code, index) => loaded[index].records.some(({ event }) => event.type === 'SchemeRegistered'));
}

async function decisionFacts(reads: StreamReader, certificateNumber: string, hostCbId: string | undefined): Promise<DecisionFacts> {
  const [issued, hostBody] = await Promise.all([
    certificate(reads, certificateNumber),
    hostCbId === undefined ? null : certificationBody(reads, hostCbId),
  ]);
  const issuingBody = issued === null ? null : await certificationBody(reads, issued.cbId);
  return { certificate: issued, issuingBody, hostBody };
}

/** The arrangement of the grant in force on the pair, if the last decision was a grant. */
async function grantedUnder(reads: StreamReader, certificateNumber: string, country: string): Promise<string | null> {
  const { records } = await reads.load(recognitionStream(certificateNumber, country.toUpperCase()));
  const last = records.at(-1)?.event;
  return last?.type === 'RecognitionGranted' ? (last.data as { arrangementId: string }).arrangementId : null;
}

/**
 * Completes a draft with the facts its command documents (commands.ts in each domain slice), read from their
 * streams. Facts are read, not locked: see the write README for the window this leaves and why it is safe.
 */
export async function withFacts(draft: CommandDraft, reads: StreamReader): Promise<RegistryCommand> {
  switch (draft.type) {
    case 'RegisterScheme':
    case 'RegisterWitness':
    case 'RenewAccreditation':
    case 'ReduceAccreditationScope':
    case 'SuspendAccreditation':
    case 'ReinstateAccreditation':
    case 'WithdrawAccreditation':
    case 'SuspendCertificate':
    case 'ReinstateCertificate':
    case 'WithdrawCertificate':
    case 'CancelCertificate':
    case 'WithdrawArrangementParty':
    case 'SuspendArrangement':
    case 'ReinstateArrangement':
    case 'TerminateArrangement':
    case 'RevokeApiKey':
    case 'RegisterNationalFramework':
    case 'StartAqrfReferencing':
    case 'AmendAqrfReferencing':
    case 'SubmitAqrfReferencing':
    case 'EndorseAqrfReferencing':
    case 'ProposePriorityOccupation':
    case 'ValidatePriorityOccupation':
    case 'AdoptActionPlan':
    case 'AddActionPlanItem':
    case 'ReportActionPlanProgress':
      return draft;
    case 'RegisterNationalQualification':
      return { ...draft, facts: { framework: await nationalFramework(reads, draft.data.country) } };
    case 'LinkSchemeToQualification': {
      const { schemeCode, qualificationId } = draft.data;
      const [linked, qualification] = await Promise.all([
        scheme(reads, schemeCode),
        qualificationId == null ? null : nationalQualification(reads, qualificationId),
      ]);
      return { ...draft, facts: { scheme: linked, qualification } };
    }
    case 'AccreditCertificationBody':
      return { ...draft, facts: { registeredSchemes: await registeredSchemes(reads, draft.data.scope) } };
    case 'ExtendAccreditationScope':
    case 'AmendArrangementScope':
      return { ...draft, facts: { registeredSchemes: await registeredSchemes(reads, draft.data.schemes) } };
    case 'IssueCertificate':
      return { ...draft, facts: { issuingBody: await certificationBody(reads, draft.data.cbId) } };
    case 'RenewCertificate': {
      const issued = await certificate(reads, draft.data.number);
      const issuingBody = issued === null ? null : await certificationBody(reads, issued.cbId);
      return { ...draft, facts: { issuingBody } };
    }
    case 'SignArrangement': {
      const [schemes, parties] = await Promise.all([
        registeredSchemes(reads, draft.data.schemes),
        Promise.all([...new Set(draft.data.parties)].map((cbId) => certificationBody(reads, cbId))),
      ]);
      const known = parties.filter((party): party is CertificationBodyTimeline => party !== null);
      return { ...draft, facts: { registeredSchemes: schemes, parties: known } };
    }
    case 'AdmitArrangementParty':
      return { ...draft, facts: { party: await certificationBody(reads, draft.data.cbId) } };
    case 'GrantRecognition': {
      const { certificateNumber, arrangementId } = draft.data;
      const [facts, covering] = await Promise.all([
        decisionFacts(reads, certificateNumber, draft.actor.cbId),
        arrangement(reads, arrangementId),
      ]);
      return { ...draft, facts: { ...facts, arrangement: covering } };
    }
    case 'RevokeRecognition': {
      const { certificateNumber, country } = draft.data;
      const arrangementId = draft.data.arrangementId ?? (await grantedUnder(reads, certificateNumber, country));
      const [facts, actedUnder] = await Promise.all([
        decisionFacts(reads, certificateNumber, draft.actor.cbId),
        arrangementId == null ? null : arrangement(reads, arrangementId),
      ]);
      return { ...draft, facts: { ...facts, arrangement: actedUnder } };
    }
    case 'CreateApiKey': {
      const { cbId } = draft.data;
      return { ...draft, facts: { body: cbId == null ? null : await certificationBody(reads, cbId) } };
    }
    default:
      return unreachable(draft);
  }
}
