import type { RecognitionMode } from '../arrangements/events';
import type { RegistryEvent } from '../registry-event';

/** Terse builders of domain events for specs. */

type Ev<Type extends RegistryEvent['type']> = Extract<RegistryEvent, { type: Type }>;

export const PS = 'APO-PS 101:2023';
export const GPS = 'APO-GPS 201:2023';
export const PUBLIC_PS = 'APO-PPS 102:2023';

export function schemeRegistered(code: string, title = `Scheme ${code}`): Ev<'SchemeRegistered'> {
  return { type: 'SchemeRegistered', data: { code, title, sector: null, occupation: null, qualificationLevel: null } };
}

export function accredited(
  cbId: string,
  country: string,
  scope: string[],
  accreditedOn: string,
  validUntil: string,
): Ev<'CertificationBodyAccredited'> {
  return { type: 'CertificationBodyAccredited', data: { cbId, name: `${cbId} certification body`, country, scope, accreditedOn, validUntil } };
}

export const accreditation = {
  renewed: (cbId: string, effectiveOn: string, validUntil: string): Ev<'AccreditationRenewed'> => ({
    type: 'AccreditationRenewed',
    data: { cbId, effectiveOn, validUntil },
  }),
  extended: (cbId: string, schemes: string[], effectiveOn: string): Ev<'AccreditationScopeExtended'> => ({
    type: 'AccreditationScopeExtended',
    data: { cbId, schemes, effectiveOn },
  }),
  reduced: (cbId: string, schemes: string[], effectiveOn: string): Ev<'AccreditationScopeReduced'> => ({
    type: 'AccreditationScopeReduced',
    data: { cbId, schemes, effectiveOn },
  }),
  suspended: (cbId: string, effectiveOn: string, reason = 'surveillance audit findings'): Ev<'AccreditationSuspended'> => ({
    type: 'AccreditationSuspended',
    data: { cbId, effectiveOn, reason },
  }),
  reinstated: (cbId: string, effectiveOn: string, reason = 'corrective actions closed'): Ev<'AccreditationReinstated'> => ({
    type: 'AccreditationReinstated',
    data: { cbId, effectiveOn, reason },
  }),
  withdrawn: (cbId: string, effectiveOn: string, reason = 'ceased operations'): Ev<'AccreditationWithdrawn'> => ({
    type: 'AccreditationWithdrawn',
    data: { cbId, effectiveOn, reason },
  }),
};

export function issued(
  number: string,
  cbId: string,
  schemeCode: string,
  issuedOn: string,
  validUntil: string,
  holderName = 'Siti Rahmawati',
): Ev<'CertificateIssued'> {
  return { type: 'CertificateIssued', data: { number, cbId, schemeCode, holderName, issuedOn, validUntil } };
}

export const certificate = {
  corrected: (number: string, from: string, to: string, reason = 'misspelt at issue'): Ev<'CertificateCorrected'> => ({
    type: 'CertificateCorrected',
    data: { number, field: 'holderName', from, to, reason },
  }),
  renewed: (number: string, effectiveOn: string, validUntil: string): Ev<'CertificateRenewed'> => ({
    type: 'CertificateRenewed',
    data: { number, effectiveOn, validUntil },
  }),
  suspended: (number: string, effectiveOn: string, reason = 'complaint under investigation'): Ev<'CertificateSuspended'> => ({
    type: 'CertificateSuspended',
    data: { number, effectiveOn, reason },
  }),
  reinstated: (number: string, effectiveOn: string, reason = 'complaint dismissed'): Ev<'CertificateReinstated'> => ({
    type: 'CertificateReinstated',
    data: { number, effectiveOn, reason },
  }),
  withdrawn: (number: string, effectiveOn: string, reason = 'code of conduct breach'): Ev<'CertificateWithdrawn'> => ({
    type: 'CertificateWithdrawn',
    data: { number, effectiveOn, reason },
  }),
  cancelled: (number: string, effectiveOn: string, reason = 'issued in error'): Ev<'CertificateCancelled'> => ({
    type: 'CertificateCancelled',
    data: { number, effectiveOn, reason },
  }),
};

export function signed(
  id: string,
  parties: string[],
  schemes: string[],
  mode: RecognitionMode,
  effectiveFrom: string,
  expiresOn: string | null = null,
): Ev<'MRASigned'> {
  return { type: 'MRASigned', data: { id, title: `Arrangement ${id}`, parties, schemes, mode, effectiveFrom, expiresOn } };
}

export const arrangement = {
  admitted: (id: string, cbId: string, effectiveOn: string): Ev<'MRAPartyAdmitted'> => ({ type: 'MRAPartyAdmitted', data: { id, cbId, effectiveOn } }),
  partyWithdrawn: (id: string, cbId: string, effectiveOn: string): Ev<'MRAPartyWithdrawn'> => ({
    type: 'MRAPartyWithdrawn',
    data: { id, cbId, effectiveOn },
  }),
  amended: (id: string, schemes: string[], effectiveOn: string): Ev<'MRAScopeAmended'> => ({ type: 'MRAScopeAmended', data: { id, schemes, effectiveOn } }),
  suspended: (id: string, effectiveOn: string, reason = 'review of operations'): Ev<'MRASuspended'> => ({
    type: 'MRASuspended',
    data: { id, effectiveOn, reason },
  }),
  reinstated: (id: string, effectiveOn: string, reason = 'review completed'): Ev<'MRAReinstated'> => ({
    type: 'MRAReinstated',
    data: { id, effectiveOn, reason },
  }),
  terminated: (id: string, effectiveOn: string, reason = 'parties agreed to end it'): Ev<'MRATerminated'> => ({
    type: 'MRATerminated',
    data: { id, effectiveOn, reason },
  }),
};

export function granted(certificateNumber: string, country: string, arrangementId: string, decidedOn: string): Ev<'RecognitionGranted'> {
  return { type: 'RecognitionGranted', data: { certificateNumber, country, arrangementId, decidedOn, conditions: null } };
}

export function revoked(certificateNumber: string, country: string, decidedOn: string, reason = 'not equivalent to national licence'): Ev<'RecognitionRevoked'> {
  return { type: 'RecognitionRevoked', data: { certificateNumber, country, decidedOn, reason } };
}

export function applied(
  certificateNumber: string,
  country: string,
  arrangementId: string,
  appliedOn: string,
  nth = 1,
  note: string | null = null,
): Ev<'RecognitionApplied'> {
  const applicationId = `${certificateNumber}/${country}/${nth}`;
  return { type: 'RecognitionApplied', data: { applicationId, certificateNumber, country, arrangementId, appliedOn, note } };
}

export function refused(
  certificateNumber: string,
  country: string,
  arrangementId: string,
  decidedOn: string,
  applicationId: string | null,
  reasonCode: Ev<'RecognitionRefused'>['data']['reasonCode'] = 'INSUFFICIENT_EVIDENCE',
  note: string | null = null,
): Ev<'RecognitionRefused'> {
  return { type: 'RecognitionRefused', data: { certificateNumber, country, arrangementId, decidedOn, reasonCode, note, applicationId } };
}

/** A grant that decided an application. */
export function grantedOnApplication(
  certificateNumber: string,
  country: string,
  arrangementId: string,
  decidedOn: string,
  applicationId: string,
): Ev<'RecognitionGranted'> {
  return { type: 'RecognitionGranted', data: { certificateNumber, country, arrangementId, decidedOn, conditions: null, applicationId } };
}
