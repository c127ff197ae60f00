import {
  REGISTRY_EVENT_TYPES,
  evolveCertificationBodyTimeline,
  isCertificationBodyEvent,
  type CertificationBodyTimeline,
} from '@registry/domain';
import { defineProjection } from '../document-projection';

export const COUNTRY_KEY = 'country';

/** CB timelines, one per `cb-<id>` stream, found by country (the host bodies of the recognition rule). */
export const certificationBodiesProjection = defineProjection<CertificationBodyTimeline>({
  name: 'certification_bodies',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isCertificationBodyEvent({ type })),
  evolve: evolveCertificationBodyTimeline,
  keys: (body) => [[COUNTRY_KEY, body.country]],
});
