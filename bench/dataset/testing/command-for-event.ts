import {
  arrangementSchemesAt,
  evolveCertificateTimeline,
  isPartyAt,
  type Actor,
  type ArrangementTimeline,
  type CertificateTimeline,
  type CertificationBodyTimeline,
  type RegistryCommand,
  type RegistryEvent,
} from '@registry/domain';
import type { GeneratedAppend } from '../generated-append';
import { SCHEMES } from '../reference-data';
import { foldAppend } from '../reference-world';

/** What a command's facts are looked up from: the data set's own streams. */
export interface FactSource {
  body(cbId: string): CertificationBodyTimeline;
  arrangement(id: string): ArrangementTimeline;
  arrangements(): ArrangementTimeline[];
  certificate(number: string): GeneratedAppend;
}

const REGISTERED = SCHEMES.map((scheme) => scheme.code);

function certificateTimeline(source: FactSource, number: string): CertificateTimeline {
  return foldAppend(evolveCertificateTimeline, source.certificate(number));
}

/**
 * The command that would have produced `event`, with the facts the write side would have looked up: the
 * data is the event's own (commands and events share field names), the actor is the one in its metadata.
 */
/** The arrangement a revocation acts under: the grant's (the last event on the pair), else one giving standing. */
function revokedUnder(source: FactSource, certificate: CertificateTimeline, host: string, on: string, history: RegistryEvent[]): string {
  const last = history.at(-1);
  if (last?.type === 'RecognitionGranted') return last.data.arrangementId;
  const covering = source
    .arrangements()
    .find((a) => isPartyAt(a, certificate.cbId, on) && isPartyAt(a, host, on) && arrangementSchemesAt(a, on).includes(certificate.schemeCode));
  if (covering === undefined) throw new Error(`no arrangement gives ${host} standing on ${certificate.number}`);
  return covering.id;
}

export function commandFor(event: RegistryEvent, actor: Actor, source: FactSource, history: RegistryEvent[] = []): RegistryCommand {
  switch (event.type) {
    case 'SchemeRegistered':
      return { type: 'RegisterScheme', data: event.data, actor };
    case 'CertificationBodyAccredited':
      return { type: 'AccreditCertificationBody', data: event.data, actor, facts: { registeredSchemes: REGISTERED } };
    case 'AccreditationRenewed':
      return { type: 'RenewAccreditation', data: event.data, actor };
    case 'AccreditationScopeExtended':
      return { type: 'ExtendAccreditationScope', data: event.data, actor, facts: { registeredSchemes: REGISTERED } };
    case 'AccreditationScopeReduced':
      return { type: 'ReduceAccreditationScope', data: event.data, actor };
    case 'AccreditationSuspended':
      return { type: 'SuspendAccreditation', data: event.data, actor };
    case 'AccreditationReinstated':
      return { type: 'ReinstateAccreditation', data: event.data, actor };
    case 'AccreditationWithdrawn':
      return { type: 'WithdrawAccreditation', data: event.data, actor };
    case 'CertificateIssued':
      return { type: 'IssueCertificate', data: event.data, actor, facts: { issuingBody: source.body(event.data.cbId) } };
    case 'CertificateRenewed': {
      const issued = certificateTimeline(source, event.data.number);
      return { type: 'RenewCertificate', data: event.data, actor, facts: { issuingBody: source.body(issued.cbId) } };
    }
    case 'CertificateSuspended':
      return { type: 'SuspendCertificate', data: event.data, actor };
    case 'CertificateReinstated':
      return { type: 'ReinstateCertificate', data: event.data, actor };
    case 'CertificateWithdrawn':
      return { type: 'WithdrawCertificate', data: event.data, actor };
    case 'CertificateCancelled':
      return { type: 'CancelCertificate', data: event.data, actor };
    case 'MRASigned':
      return {
        type: 'SignArrangement',
        data: event.data,
        actor,
        facts: { registeredSchemes: REGISTERED, parties: event.data.parties.map((cbId) => source.body(cbId)) },
      };
    case 'MRAPartyAdmitted':
      return { type: 'AdmitArrangementParty', data: event.data, actor, facts: { party: source.body(event.data.cbId) } };
    case 'MRAPartyWithdrawn':
      return { type: 'WithdrawArrangementParty', data: event.data, actor };
    case 'MRAScopeAmended':
      return { type: 'AmendArrangementScope', data: event.data, actor, facts: { registeredSchemes: REGISTERED } };
    case 'MRASuspended':
      return { type: 'SuspendArrangement', data: event.data, actor };
    case 'MRAReinstated':
      return { type: 'ReinstateArrangement', data: event.data, actor };
    case 'MRATerminated':
      return { type: 'TerminateArrangement', data: event.data, actor };
    case 'RecognitionGranted':
    case 'RecognitionRevoked': {
      const certificate = certificateTimeline(source, event.data.certificateNumber);
      const facts = { certificate, issuingBody: source.body(certificate.cbId), hostBody: source.body(actor.cbId ?? '') };
      if (event.type === 'RecognitionGranted') {
        return { type: 'GrantRecognition', data: event.data, actor, facts: { ...facts, arrangement: source.arrangement(event.data.arrangementId) } };
      }
      const arrangementId = revokedUnder(source, certificate, actor.cbId ?? '', event.data.decidedOn, history);
      return { type: 'RevokeRecognition', data: { ...event.data, arrangementId }, actor, facts: { ...facts, arrangement: source.arrangement(arrangementId) } };
    }
    case 'ApiKeyCreated':
    case 'ApiKeyRevoked':
    case 'WitnessRegistered':
    case 'NationalFrameworkRegistered':
    case 'AqrfReferencingStarted':
    case 'AqrfReferencingAmended':
    case 'AqrfReferencingSubmitted':
    case 'AqrfReferencingEndorsed':
    case 'NationalQualificationRegistered':
    case 'SchemeLinkedToQualification':
    case 'PriorityOccupationProposed':
    case 'PriorityOccupationValidated':
    case 'ActionPlanAdopted':
    case 'ActionPlanItemAdded':
    case 'ActionPlanProgressReported':
      throw new Error(`the data set holds no ${event.type}`);
    default: {
      const unknown: never = event;
      throw new Error(`unknown event ${JSON.stringify(unknown)}`);
    }
  }
}
