import type { Json } from '../shared/json';

/** ApiKeyCreated v1 had no `country`: keys created then are bound to none (SKILLS_FOCAL_POINT came with v2). */
export function apiKeyCreatedV1ToV2(data: Json): Json {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  return 'country' in data ? data : { ...data, country: null };
}
