import { createHash, randomBytes } from 'node:crypto';

/**
 * A key reads `mrr_<keyId>_<secret>`: the id finds the record without scanning, the 256-bit secret proves
 * possession. How a key is stored is `key-hashing.ts`'s business.
 */
const KEY_SHAPE = /^mrr_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** The key id given to a REGISTRY_ADMIN_KEY chosen by an operator in a free format. */
export const OPERATOR_KEY_ID = 'admin';

export interface GeneratedApiKey {
  keyId: string;
  /** The whole key, shown to its owner once and never stored. */
  secret: string;
}

/** The one place a key is written out: `mrr_<keyId>_<256-bit secret>`, for a 16-hex-digit `keyId`. */
export function formatApiKey(keyId: string): string {
  return `mrr_${keyId}_${randomBytes(32).toString('base64url')}`;
}

export function generateApiKey(keyId: string = randomBytes(8).toString('hex')): GeneratedApiKey {
  return { keyId, secret: formatApiKey(keyId) };
}

/** The key id a presented key claims; an operator's free-format admin key claims OPERATOR_KEY_ID. */
export function claimedKeyId(key: string): string {
  return KEY_SHAPE.exec(key)?.[1] ?? OPERATOR_KEY_ID;
}

/** How keys were stored before key hashing was keyed (bare hex SHA-256 of the whole key): such records are
 * still in the log and still verified; tests use it to record keys of that era. */
export function legacyKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
