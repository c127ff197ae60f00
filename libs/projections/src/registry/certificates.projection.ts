import { REGISTRY_EVENT_TYPES, evolveCertificateTimeline, isCertificateEvent, type CertificateTimeline } from '@registry/domain';
import { defineProjection } from '../document-projection';

/** Certificate timelines, one per `certificate-<number>` stream. No lookup keys: a certificate is found by
 * its exact number only (privacy: no listing of holders), and a million of them stay cheap to write. */
export const certificatesProjection = defineProjection<CertificateTimeline>({
  name: 'certificates',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isCertificateEvent({ type })),
  evolve: evolveCertificateTimeline,
});
