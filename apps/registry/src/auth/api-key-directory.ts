import type { Role } from '@registry/domain';

export interface ApiKeyRecord {
  keyId: string;
  role: Role;
  cbId: string | null;
  /** The country of a SKILLS_FOCAL_POINT key. */
  country: string | null;
  label: string;
  /** The key's stored hash, its scheme as its prefix (see key-hashing.ts); the key itself is never stored. */
  keyHash: string;
  revoked: boolean;
}

/** The read model of API keys (from ApiKeyCreated / ApiKeyRevoked), provided by the read side under
 * API_KEY_DIRECTORY and consulted by the auth layer on every request. */
export interface ApiKeyDirectory {
  find(keyId: string): ApiKeyRecord | null;
  /** How many keys were ever created (revoked ones included): 0 means the store is new. */
  count(): number;
}

export const API_KEY_DIRECTORY = Symbol('API_KEY_DIRECTORY');
