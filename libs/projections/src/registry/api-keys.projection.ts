import { REGISTRY_EVENT_TYPES, evolveApiKeyTimeline, isApiKeyEvent, type ApiKeyTimeline } from '@registry/domain';
import { defineProjection } from '../document-projection';

/** API keys (hashes only), one per `apikey-<keyId>` stream: what authentication looks up on every request. */
export const apiKeysProjection = defineProjection<ApiKeyTimeline>({
  name: 'api_keys',
  version: 1,
  eventTypes: REGISTRY_EVENT_TYPES.filter((type) => isApiKeyEvent({ type })),
  evolve: evolveApiKeyTimeline,
});
