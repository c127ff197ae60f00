import { REGISTRY_EVENT_TYPES, SCHEMA_VERSIONS, schemaVersionOf } from './shared/schema-versions';
import { UpcastError, toRegistryEvent, upcast } from './upcasting';

describe('upcasting stored events to the current schema', () => {
  const v1 = { number: 'PS-TH-0001', cbId: 'TH-CB', schemeCode: 'APO-PS 101:2023', holder: 'Somchai Jaidee', issuedOn: '2024-03-01', validUntil: '2027-02-28' };

  it('reads a v1 CertificateIssued, whose holder was a single `holder` field, as the current holderName', () => {
    expect(schemaVersionOf('CertificateIssued')).toBe(2);
    expect(upcast('CertificateIssued', 1, v1)).toEqual({
      number: 'PS-TH-0001',
      cbId: 'TH-CB',
      schemeCode: 'APO-PS 101:2023',
      holderName: 'Somchai Jaidee',
      issuedOn: '2024-03-01',
      validUntil: '2027-02-28',
    });
  });

  it('treats an event stored without a schema version as version 1', () => {
    expect(toRegistryEvent('CertificateIssued', undefined, v1)).toEqual({
      type: 'CertificateIssued',
      data: expect.objectContaining({ holderName: 'Somchai Jaidee' }),
    });
  });

  it('leaves current-version data as it is', () => {
    const current = { ...v1, holder: undefined, holderName: 'Somchai Jaidee' };
    expect(upcast('CertificateIssued', 2, current)).toBe(current);
    const scheme = { code: 'X', title: 'X', sector: null, occupation: null, qualificationLevel: 4 };
    expect(upcast('SchemeRegistered', 1, scheme)).toBe(scheme);
  });

  it('refuses a version newer than this code knows rather than guessing', () => {
    expect(() => upcast('CertificateIssued', 3, v1)).toThrow(UpcastError);
    expect(() => upcast('SchemeRegistered', 0, {})).toThrow(UpcastError);
  });

  it('reads a v1 ApiKeyCreated, from before keys could be bound to a country, as bound to none', () => {
    const stored = { keyId: 'k1', role: 'AUDITOR', cbId: null, label: 'auditor', keyHash: 'h' };
    expect(schemaVersionOf('ApiKeyCreated')).toBe(2);
    expect(upcast('ApiKeyCreated', 1, stored)).toEqual({ ...stored, country: null });
  });

  it('refuses an unknown event type', () => {
    expect(() => toRegistryEvent('CertificatePrinted', 1, {})).toThrow(UpcastError);
  });

  it('has a current version for every event type of the public contract', () => {
    expect(REGISTRY_EVENT_TYPES.sort()).toEqual(
      [
        'SchemeRegistered',
        'CertificationBodyAccredited', 'AccreditationRenewed', 'AccreditationScopeExtended', 'AccreditationScopeReduced',
        'AccreditationSuspended', 'AccreditationReinstated', 'AccreditationWithdrawn',
        'CertificateIssued', 'CertificateCorrected', 'CertificateRenewed', 'CertificateSuspended', 'CertificateReinstated', 'CertificateWithdrawn', 'CertificateCancelled',
        'MRASigned', 'MRAPartyAdmitted', 'MRAPartyWithdrawn', 'MRAScopeAmended', 'MRASuspended', 'MRAReinstated', 'MRATerminated',
        'RecognitionApplied', 'RecognitionGranted', 'RecognitionRefused', 'RecognitionRevoked',
        'ApiKeyCreated', 'ApiKeyRevoked',
        'WitnessRegistered',
        'WatchCreated', 'WatchSecretRotated', 'WatchDeleted',
        'CertificateNumberPrefixDeclared',
        'NationalFrameworkRegistered', 'NationalFrameworkLevelsAmended', 'AqrfReferencingStarted', 'AqrfReferencingAmended', 'AqrfReferencingSubmitted', 'AqrfReferencingEndorsed',
        'NationalQualificationRegistered', 'SchemeLinkedToQualification',
        'PriorityOccupationProposed', 'PriorityOccupationValidated',
        'ActionPlanAdopted', 'ActionPlanTargetsAmended', 'ActionPlanItemAdded', 'ActionPlanProgressReported',
      ].sort(),
    );
    expect(Object.values(SCHEMA_VERSIONS).every((version) => Number.isInteger(version) && version >= 1)).toBe(true);
  });
});
