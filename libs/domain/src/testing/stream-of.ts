import type { RegistryEvent } from '../registry-event';
import { unreachable } from '../shared/decider';
import {
  apiKeyStream,
  arrangementStream,
  certificateStream,
  certificationBodyStream,
  recognitionStream,
  schemeStream,
  witnessStream,
  actionPlanStream,
  nationalFrameworkStream,
  nationalQualificationStream,
  priorityOccupationStream,
  schemeLinkStream,
} from '../streams';

/** The stream an event belongs to, read off its data, as the write side names it (test worlds only; the store knows the real one). */
export function streamOf(event: RegistryEvent): string {
  switch (event.type) {
    case 'SchemeRegistered':
      return schemeStream(event.data.code);
    case 'CertificationBodyAccredited':
    case 'AccreditationRenewed':
    case 'AccreditationScopeExtended':
    case 'AccreditationScopeReduced':
    case 'AccreditationSuspended':
    case 'AccreditationReinstated':
    case 'AccreditationWithdrawn':
      return certificationBodyStream(event.data.cbId);
    case 'CertificateIssued':
    case 'CertificateRenewed':
    case 'CertificateSuspended':
    case 'CertificateReinstated':
    case 'CertificateWithdrawn':
    case 'CertificateCancelled':
      return certificateStream(event.data.number);
    case 'MRASigned':
    case 'MRAPartyAdmitted':
    case 'MRAPartyWithdrawn':
    case 'MRAScopeAmended':
    case 'MRASuspended':
    case 'MRAReinstated':
    case 'MRATerminated':
      return arrangementStream(event.data.id);
    case 'RecognitionGranted':
    case 'RecognitionRevoked':
      return recognitionStream(event.data.certificateNumber, event.data.country);
    case 'ApiKeyCreated':
    case 'ApiKeyRevoked':
      return apiKeyStream(event.data.keyId);
    case 'WitnessRegistered':
      return witnessStream(event.data.name);
    case 'NationalFrameworkRegistered':
    case 'AqrfReferencingStarted':
    case 'AqrfReferencingAmended':
    case 'AqrfReferencingSubmitted':
    case 'AqrfReferencingEndorsed':
      return nationalFrameworkStream(event.data.country);
    case 'NationalQualificationRegistered':
      return nationalQualificationStream(event.data.id);
    case 'SchemeLinkedToQualification':
      return schemeLinkStream(event.data.schemeCode);
    case 'PriorityOccupationProposed':
    case 'PriorityOccupationValidated':
      return priorityOccupationStream(event.data.country, event.data.code);
    case 'ActionPlanAdopted':
    case 'ActionPlanItemAdded':
    case 'ActionPlanProgressReported':
      return actionPlanStream(event.data.country);
    default:
      return unreachable(event);
  }
}
