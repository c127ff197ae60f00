import type { RegistryEventType } from '../registry-event';

/**
 * The current schema version of each event type. The application stores it as `schemaVersion` in every
 * event's metadata; readers pass it to `upcast`. Bump a version only together with an upcaster from the
 * previous one (see libs/domain/UPCASTING.md).
 */
export const SCHEMA_VERSIONS: Record<RegistryEventType, number> = {
  SchemeRegistered: 1,

  CertificationBodyAccredited: 1,
  AccreditationRenewed: 1,
  AccreditationScopeExtended: 1,
  AccreditationScopeReduced: 1,
  AccreditationSuspended: 1,
  AccreditationReinstated: 1,
  AccreditationWithdrawn: 1,

  CertificateIssued: 2,
  CertificateCorrected: 1,
  CertificateRenewed: 1,
  CertificateSuspended: 1,
  CertificateReinstated: 1,
  CertificateWithdrawn: 1,
  CertificateCancelled: 1,

  MRASigned: 1,
  MRAPartyAdmitted: 1,
  MRAPartyWithdrawn: 1,
  MRAScopeAmended: 1,
  MRASuspended: 1,
  MRAReinstated: 1,
  MRATerminated: 1,

  RecognitionApplied: 1,
  RecognitionGranted: 1,
  RecognitionRefused: 1,
  RecognitionRevoked: 1,

  ApiKeyCreated: 2,
  ApiKeyRevoked: 1,

  WitnessRegistered: 1,
  WatchCreated: 1,
  WatchSecretRotated: 1,
  WatchDeleted: 1,
  CertificateNumberPrefixDeclared: 1,
  NationalFrameworkRegistered: 1,
  NationalFrameworkLevelsAmended: 1,
  AqrfReferencingStarted: 1,
  AqrfReferencingAmended: 1,
  AqrfReferencingSubmitted: 1,
  AqrfReferencingEndorsed: 1,
  NationalQualificationRegistered: 1,
  SchemeLinkedToQualification: 1,
  PriorityOccupationProposed: 1,
  PriorityOccupationValidated: 1,
  ActionPlanAdopted: 1,
  ActionPlanTargetsAmended: 1,
  ActionPlanItemAdded: 1,
  ActionPlanProgressReported: 1,
};

export const REGISTRY_EVENT_TYPES = Object.keys(SCHEMA_VERSIONS) as RegistryEventType[];

export function isRegistryEventType(type: string): type is RegistryEventType {
  return Object.hasOwn(SCHEMA_VERSIONS, type);
}

export function schemaVersionOf(type: RegistryEventType): number {
  return SCHEMA_VERSIONS[type];
}
