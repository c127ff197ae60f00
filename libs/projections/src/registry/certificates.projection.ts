import { REGISTRY_EVENT_TYPES, evolveCertificateTimeline, isCertificateEvent, type CertificateTimeline } from '@registry/domain';
import { defineProjection } from '../document-projection';

/** The issuing CB, on every certificate: a CB's own listing (never public: see CertificateListResolver). */
export const ISSUER_KEY = 'cb';

/** Certificate timelines, one per `certificate-<number>` stream. The public finds a certificate by its exact
 * number only (privacy: no public listing of holders); the issuing CB lists its own by the `cb` key. */
export const certificatesProjection = defineProjection<CertificateTimeline>({
  name: 'certificates',
  // 2: corrections, and the issuer key.
  version: 2,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isCertificateEvent({ type })),
  evolve: evolveCertificateTimeline,
  keys: (timeline) => [[ISSUER_KEY, timeline.cbId]],
});
