import type { Role } from '../shared/actor';

/** Only the hash of the secret is ever recorded; the secret is shown once, by the application. A
 * CERTIFICATION_BODY key names its `cbId`, a SKILLS_FOCAL_POINT key its `country` (v2; v1 had none). */
export type ApiKeyCreated = {
  type: 'ApiKeyCreated';
  data: { keyId: string; role: Role; cbId: string | null; country: string | null; label: string; keyHash: string };
};

export type ApiKeyRevoked = {
  type: 'ApiKeyRevoked';
  data: { keyId: string };
};

export type ApiKeyEvent = ApiKeyCreated | ApiKeyRevoked;

const TYPES: Record<ApiKeyEvent['type'], true> = { ApiKeyCreated: true, ApiKeyRevoked: true };

export function isApiKeyEvent(event: { type: string }): event is ApiKeyEvent {
  return Object.hasOwn(TYPES, event.type);
}
