import type { ReasonCode } from './reason-codes';

/**
 * The recognition rule's conditions, numbered and named as in ARCHITECTURE.md ("The recognition rule"), each
 * with the reason codes that say it failed. `evaluateRecognition` checks them under these names.
 */
export const RECOGNITION_CONDITIONS = [
  {
    number: 1,
    name: 'certificateValid',
    reasons: [
      'CERTIFICATE_NOT_FOUND',
      'CERTIFICATE_NOT_YET_VALID',
      'CERTIFICATE_EXPIRED',
      'CERTIFICATE_SUSPENDED',
      'CERTIFICATE_WITHDRAWN',
      'CERTIFICATE_CANCELLED',
    ],
  },
  {
    number: 2,
    name: 'issuerAccredited',
    reasons: [
      'CB_NOT_ACCREDITED',
      'CB_ACCREDITATION_SUSPENDED',
      'CB_ACCREDITATION_WITHDRAWN',
      'CB_ACCREDITATION_EXPIRED',
      'SCHEME_NOT_IN_ACCREDITATION_SCOPE',
    ],
  },
  { number: 3, name: 'homeCountry', reasons: [] },
  { number: 4, name: 'arrangementApplies', reasons: ['NO_ARRANGEMENT', 'ARRANGEMENT_SUSPENDED', 'SCHEME_NOT_COVERED'] },
  { number: 5, name: 'recognitionGranted', reasons: ['RECOGNITION_NOT_GRANTED', 'APPLICATION_PENDING', 'DECISION_OVERDUE'] },
  { number: 6, name: 'notRevoked', reasons: ['RECOGNITION_REVOKED'] },
] as const satisfies readonly { number: number; name: string; reasons: readonly ReasonCode[] }[];

export type RecognitionConditionName = (typeof RECOGNITION_CONDITIONS)[number]['name'];

// Every reason code belongs to a condition: a new code that is not placed here does not compile.
type Placed = (typeof RECOGNITION_CONDITIONS)[number]['reasons'][number];
const everyReasonPlaced: [Exclude<ReasonCode, Placed>] extends [never] ? true : Exclude<ReasonCode, Placed> = true;
void everyReasonPlaced;
