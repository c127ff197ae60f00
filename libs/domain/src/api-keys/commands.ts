import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { Actor, Role } from '../shared/actor';

/** Every command here loads apikey-<keyId>. */

/** Facts: when `cbId` is given, fold cb-<cbId> into its timeline; otherwise null. The application generates
 * the key id and the secret, and passes only the secret's hash. `country` binds a SKILLS_FOCAL_POINT key. */
export type CreateApiKey = {
  type: 'CreateApiKey';
  data: { keyId: string; role: Role; cbId?: string | null; country?: string | null; label: string; keyHash: string };
  actor: Actor;
  facts: { body: CertificationBodyTimeline | null };
};

export type RevokeApiKey = {
  type: 'RevokeApiKey';
  data: { keyId: string };
  actor: Actor;
};

export type ApiKeyCommand = CreateApiKey | RevokeApiKey;
