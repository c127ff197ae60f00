import type { DocumentProjection } from '../document-projection';
import { apiKeysProjection } from './api-keys.projection';
import { arrangementsProjection } from './arrangements.projection';
import { certificatesProjection } from './certificates.projection';
import { certificationBodiesProjection } from './certification-bodies.projection';
import { recognitionDecisionsProjection } from './recognition-decisions.projection';
import { schemesProjection } from './schemes.projection';
import { watchesProjection } from './watches.projection';
import { SKILLS_PROJECTIONS } from '../skills/skills.projections';

/** Every read model of the registry, the skills context's included, fed by one runner and rebuilt together. */
export const REGISTRY_PROJECTIONS: readonly DocumentProjection<unknown>[] = [
  schemesProjection,
  certificationBodiesProjection,
  certificatesProjection,
  arrangementsProjection,
  recognitionDecisionsProjection,
  apiKeysProjection,
  watchesProjection,
  ...SKILLS_PROJECTIONS,
];
