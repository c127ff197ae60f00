import { registerEnumType } from '@nestjs/graphql';
import type { AccreditationStatus, ArrangementStatus, CertificateStatus, RecognitionBasis } from '@registry/domain';

// Each enum is registered once for the whole schema; the values are the domain's own strings.

export const RecognitionBasisEnum = {
  HOME: 'HOME',
  ARRANGEMENT: 'ARRANGEMENT',
  DECISION: 'DECISION',
} as const satisfies { [B in RecognitionBasis]: B };

export const CertificateStatusEnum = {
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  WITHDRAWN: 'WITHDRAWN',
  CANCELLED: 'CANCELLED',
  EXPIRED: 'EXPIRED',
  NOT_YET_VALID: 'NOT_YET_VALID',
} as const satisfies { [S in CertificateStatus]: S };

export const AccreditationStatusEnum = {
  NOT_YET_ACCREDITED: 'NOT_YET_ACCREDITED',
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  WITHDRAWN: 'WITHDRAWN',
  EXPIRED: 'EXPIRED',
} as const satisfies { [S in AccreditationStatus]: S };

export const ArrangementStatusEnum = {
  NOT_YET_IN_FORCE: 'NOT_YET_IN_FORCE',
  IN_FORCE: 'IN_FORCE',
  SUSPENDED: 'SUSPENDED',
  TERMINATED: 'TERMINATED',
  EXPIRED: 'EXPIRED',
} as const satisfies { [S in ArrangementStatus]: S };

registerEnumType(RecognitionBasisEnum, {
  name: 'RecognitionBasis',
  description: "HOME: the issuing CB's own country. ARRANGEMENT: an AUTOMATIC MRA. DECISION: a grant under an ON_APPLICATION MRA.",
});
registerEnumType(CertificateStatusEnum, { name: 'CertificateStatus', description: 'A certificate on a date.' });
registerEnumType(AccreditationStatusEnum, { name: 'AccreditationStatus', description: "A certification body's accreditation on a date." });
registerEnumType(ArrangementStatusEnum, { name: 'ArrangementStatus', description: 'A Mutual Recognition Arrangement on a date.' });
