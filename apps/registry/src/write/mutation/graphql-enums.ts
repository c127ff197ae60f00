import { registerEnumType } from '@nestjs/graphql';
import type { RecognitionMode, Role } from '@registry/domain';

// Registered once for the whole schema: a second registration under the same name breaks the schema build.
export const RoleEnum = {
  ACCREDITATION_BODY: 'ACCREDITATION_BODY',
  CERTIFICATION_BODY: 'CERTIFICATION_BODY',
  AUDITOR: 'AUDITOR',
  SKILLS_FOCAL_POINT: 'SKILLS_FOCAL_POINT',
  EMPLOYER: 'EMPLOYER',
} as const satisfies { [R in Role]: R };

export const RecognitionModeEnum = {
  AUTOMATIC: 'AUTOMATIC',
  ON_APPLICATION: 'ON_APPLICATION',
} as const satisfies { [M in RecognitionMode]: M };

registerEnumType(RoleEnum, {
  name: 'Role',
  description: 'What an API key may do. A SKILLS_FOCAL_POINT key acts for the one ASEAN member state it is bound to. An EMPLOYER key (issued by the accreditation body) creates watches of exact certificates.',
});
registerEnumType(RecognitionModeEnum, {
  name: 'RecognitionMode',
  description: 'AUTOMATIC: every covered certificate is recognized between parties. ON_APPLICATION: a host-country CB grants it per certificate.',
});
