import type { RegistryEvent } from '@registry/domain';

type Ev<Type extends RegistryEvent['type']> = Extract<RegistryEvent, { type: Type }>;

export const PS = 'APO-PS 101:2023';
export const GPS = 'APO-GPS 201:2023';

/** Terse event builders for read-side tests; business dates are ISO calendar dates. */
export const build = {
  scheme: (code: string, title = `Scheme ${code}`): Ev<'SchemeRegistered'> => ({
    type: 'SchemeRegistered',
    data: { code, title, sector: null, occupation: null, qualificationLevel: null },
  }),
  accredited: (cbId: string, country: string, scope: string[], accreditedOn = '2023-01-01', validUntil = '2030-12-31'): Ev<'CertificationBodyAccredited'> => ({
    type: 'CertificationBodyAccredited',
    data: { cbId, name: `${cbId} certification body`, country, scope, accreditedOn, validUntil },
  }),
  accreditationSuspended: (cbId: string, effectiveOn: string): Ev<'AccreditationSuspended'> => ({
    type: 'AccreditationSuspended',
    data: { cbId, effectiveOn, reason: 'surveillance audit findings' },
  }),
  accreditationReinstated: (cbId: string, effectiveOn: string): Ev<'AccreditationReinstated'> => ({
    type: 'AccreditationReinstated',
    data: { cbId, effectiveOn, reason: 'corrective actions closed' },
  }),
  issued: (number: string, cbId: string, schemeCode: string, issuedOn = '2024-01-15', validUntil = '2027-01-14'): Ev<'CertificateIssued'> => ({
    type: 'CertificateIssued',
    data: { number, cbId, schemeCode, holderName: `Holder of ${number}`, issuedOn, validUntil },
  }),
  certificateRenewed: (number: string, effectiveOn: string, validUntil: string): Ev<'CertificateRenewed'> => ({
    type: 'CertificateRenewed',
    data: { number, effectiveOn, validUntil },
  }),
  certificateSuspended: (number: string, effectiveOn: string): Ev<'CertificateSuspended'> => ({
    type: 'CertificateSuspended',
    data: { number, effectiveOn, reason: 'complaint under investigation' },
  }),
  certificateReinstated: (number: string, effectiveOn: string): Ev<'CertificateReinstated'> => ({
    type: 'CertificateReinstated',
    data: { number, effectiveOn, reason: 'complaint dismissed' },
  }),
  certificateWithdrawn: (number: string, effectiveOn: string): Ev<'CertificateWithdrawn'> => ({
    type: 'CertificateWithdrawn',
    data: { number, effectiveOn, reason: 'code of conduct breach' },
  }),
  certificateCancelled: (number: string, effectiveOn: string): Ev<'CertificateCancelled'> => ({
    type: 'CertificateCancelled',
    data: { number, effectiveOn, reason: 'issued in error' },
  }),
  signed: (
    id: string,
    parties: string[],
    schemes: string[],
    mode: 'AUTOMATIC' | 'ON_APPLICATION',
    effectiveFrom = '2023-06-01',
    expiresOn: string | null = null,
  ): Ev<'MRASigned'> => ({
    type: 'MRASigned',
    data: { id, title: `Arrangement ${id}`, parties, schemes, mode, effectiveFrom, expiresOn },
  }),
  partyAdmitted: (id: string, cbId: string, effectiveOn: string): Ev<'MRAPartyAdmitted'> => ({
    type: 'MRAPartyAdmitted',
    data: { id, cbId, effectiveOn },
  }),
  partyWithdrawn: (id: string, cbId: string, effectiveOn: string): Ev<'MRAPartyWithdrawn'> => ({
    type: 'MRAPartyWithdrawn',
    data: { id, cbId, effectiveOn },
  }),
  scopeAmended: (id: string, schemes: string[], effectiveOn: string): Ev<'MRAScopeAmended'> => ({
    type: 'MRAScopeAmended',
    data: { id, schemes, effectiveOn },
  }),
  granted: (certificateNumber: string, country: string, arrangementId: string, decidedOn: string): Ev<'RecognitionGranted'> => ({
    type: 'RecognitionGranted',
    data: { certificateNumber, country, arrangementId, decidedOn, conditions: null },
  }),
  revoked: (certificateNumber: string, country: string, decidedOn: string): Ev<'RecognitionRevoked'> => ({
    type: 'RecognitionRevoked',
    data: { certificateNumber, country, decidedOn, reason: 'host-country refusal' },
  }),
  apiKeyCreated: (keyId: string, role: 'ACCREDITATION_BODY' | 'CERTIFICATION_BODY' | 'AUDITOR', cbId: string | null = null): Ev<'ApiKeyCreated'> => ({
    type: 'ApiKeyCreated',
    data: { keyId, role, cbId, country: null, label: `${role} key ${keyId}`, keyHash: 'ab'.repeat(32) },
  }),
  apiKeyRevoked: (keyId: string): Ev<'ApiKeyRevoked'> => ({ type: 'ApiKeyRevoked', data: { keyId } }),
};

/**
 * A small registry touching every projection and most of the rule: Thailand, Malaysia and Indonesia;
 * an AUTOMATIC MRA (TH, MY) and an ON_APPLICATION one (TH, ID); certificates suspended, renewed, withdrawn
 * and cancelled; a grant and a revocation; keys created and revoked; and the skills context: Thailand's framework
 * referenced, amended and re-endorsed, a qualification, a scheme link, a tripartite priority, an action plan.
 */
export function sampleRegistry(): RegistryEvent[] {
  return [
    build.scheme(PS, 'Productivity Specialist'),
    build.scheme(GPS, 'Green Productivity Specialist'),
    build.accredited('th-ftpi', 'TH', [PS, GPS]),
    build.accredited('my-mpc', 'MY', [PS]),
    build.accredited('id-lsp', 'ID', [PS]),
    build.signed('asean-ps', ['th-ftpi', 'my-mpc'], [PS], 'AUTOMATIC'),
    build.signed('th-id', ['th-ftpi', 'id-lsp'], [PS, GPS], 'ON_APPLICATION'),
    build.issued('TH-PS-0001', 'th-ftpi', PS),
    build.issued('TH-PS-0002', 'th-ftpi', PS),
    build.issued('TH-GPS-0003', 'th-ftpi', GPS),
    build.issued('MY-PS-0001', 'my-mpc', PS),
    build.certificateSuspended('TH-PS-0002', '2024-06-01'),
    build.certificateReinstated('TH-PS-0002', '2024-09-01'),
    build.certificateRenewed('TH-PS-0001', '2026-12-01', '2029-12-31'),
    build.granted('TH-PS-0001', 'ID', 'th-id', '2024-03-01'),
    build.revoked('TH-PS-0002', 'MY', '2025-01-01'),
    build.certificateWithdrawn('MY-PS-0001', '2025-02-01'),
    build.issued('TH-PS-0009', 'th-ftpi', PS),
    build.certificateCancelled('TH-PS-0009', '2024-02-01'),
    build.accreditationSuspended('my-mpc', '2025-03-01'),
    build.accreditationReinstated('my-mpc', '2025-04-01'),
    build.partyAdmitted('asean-ps', 'id-lsp', '2025-01-01'),
    build.scopeAmended('th-id', [PS], '2025-06-01'),
    build.apiKeyCreated('0123456789abcdef', 'AUDITOR'),
    build.apiKeyCreated('fedcba9876543210', 'CERTIFICATION_BODY', 'th-ftpi'),
    build.apiKeyRevoked('0123456789abcdef'),
    {
      type: 'WatchCreated',
      data: {
        watchId: 'w-th-ftpi',
        owner: { role: 'CERTIFICATION_BODY', keyId: 'fedcba9876543210', cbId: 'th-ftpi' },
        target: { kind: 'CERTIFICATION_BODY', cbId: 'th-ftpi' },
        url: 'https://hooks.example.com/th-ftpi',
        secretVersion: 1,
      },
    },
    ...skillsSample(),
  ];
}

const LEVELS = [1, 2, 3, 4].map((level) => ({ level, title: `Level ${level}` }));
const ONE_TO_ONE = [1, 2, 3, 4].map((level) => ({ nqfLevel: level, aqrfLevel: level }));

function skillsSample(): RegistryEvent[] {
  return [
    { type: 'NationalFrameworkRegistered', data: { country: 'TH', title: 'Thailand Professional Qualification Framework', levels: LEVELS } },
    { type: 'AqrfReferencingStarted', data: { country: 'TH', version: 1, references: ONE_TO_ONE, startedOn: '2014-09-01' } },
    { type: 'AqrfReferencingSubmitted', data: { country: 'TH', version: 1, submittedOn: '2015-06-30' } },
    { type: 'AqrfReferencingEndorsed', data: { country: 'TH', version: 1, endorsedOn: '2015-12-10' } },
    {
      type: 'AqrfReferencingAmended',
      data: { country: 'TH', version: 2, references: ONE_TO_ONE.slice(0, 3), amendedOn: '2018-01-01', reason: 'level 4 withdrawn' },
    },
    {
      type: 'NationalQualificationRegistered',
      data: { id: 'TH-NQ-COOK-3', country: 'TH', title: 'Cook', occupation: 'Cook', sector: 'Tourism', nqfLevel: 3, awardingBody: 'DSD' },
    },
    { type: 'SchemeLinkedToQualification', data: { schemeCode: GPS, qualificationId: null, aqrfLevel: 4, linkedOn: '2024-01-01' } },
    { type: 'PriorityOccupationProposed', data: { country: 'TH', code: 'COOK', sector: 'Tourism', occupation: 'Cook', proposedOn: '2013-10-15' } },
    {
      type: 'PriorityOccupationValidated',
      data: { country: 'TH', code: 'COOK', partner: 'EMPLOYERS', organisation: 'ECOT', representative: null, outcome: 'VALIDATED', validatedOn: '2014-09-24' },
    },
    { type: 'ActionPlanAdopted', data: { country: 'TH', title: 'TH MRS action plan', targetCountries: ['KH', 'LA', 'MM'], adoptedOn: '2014-09-25' } },
    { type: 'ActionPlanItemAdded', data: { country: 'TH', itemId: 'train', kind: 'TRAIN_ASSESSORS', description: 'Train CLM assessors', dueOn: '2016-06-30' } },
    { type: 'ActionPlanProgressReported', data: { country: 'TH', itemId: 'train', progress: 'DONE', note: 'done', reportedOn: '2016-05-01' } },
  ];
}
