/** Why a certificate is not recognized. Public contract: exact strings, never renamed. */
export const REASON_CODES = [
  'CERTIFICATE_NOT_FOUND',
  'CERTIFICATE_NOT_YET_VALID',
  'CERTIFICATE_EXPIRED',
  'CERTIFICATE_SUSPENDED',
  'CERTIFICATE_WITHDRAWN',
  'CERTIFICATE_CANCELLED',
  'CB_NOT_ACCREDITED',
  'CB_ACCREDITATION_SUSPENDED',
  'CB_ACCREDITATION_WITHDRAWN',
  'CB_ACCREDITATION_EXPIRED',
  'SCHEME_NOT_IN_ACCREDITATION_SCOPE',
  'NO_ARRANGEMENT',
  'SCHEME_NOT_COVERED',
  'RECOGNITION_NOT_GRANTED',
  'RECOGNITION_REVOKED',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export type Reason = { code: ReasonCode; message: string };
