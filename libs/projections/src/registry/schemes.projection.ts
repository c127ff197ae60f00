import { REGISTRY_EVENT_TYPES, evolveSchemeTimeline, isSchemeEvent, type SchemeTimeline } from '@registry/domain';
import { defineProjection } from '../document-projection';

/** The scheme directory: one document per `scheme-<code>` stream. */
export const schemesProjection = defineProjection<SchemeTimeline>({
  name: 'schemes',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isSchemeEvent({ type })),
  evolve: evolveSchemeTimeline,
});
