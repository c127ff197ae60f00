import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * A key reads `mrr_<keyId>_<secret>`: the id finds the record without scanning, the 256-bit secret proves
 * possession. Only SHA-256 of the whole key is stored — a slow password hash buys nothing for a random 256-bit
 * secret, and a fast one keeps per-request authentication cheap.
 */
const KEY_SHAPE = /^mrr_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** The key id given to a REGISTRY_ADMIN_KEY chosen by an operator in a free format. */
export const OPERATOR_KEY_ID = 'admin';

export interface GeneratedApiKey {
  keyId: string;
  /** The whole key, shown to its owner once and never stored. */
  secret: string;
  keyHash: string;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function generateApiKey(): GeneratedApiKey {
  const keyId = randomBytes(8).toString('hex');
  const secret = `mrr_${keyId}_${randomBytes(32).toString('base64url')}`;
  return { keyId, secret, keyHash: hashApiKey(secret) };
}

/** The key id a presented key claims; an operator's free-format admin key claims OPERATOR_KEY_ID. */
export function claimedKeyId(key: string): string {
  return KEY_SHAPE.exec(key)?.[1] ?? OPERATOR_KEY_ID;
}

/** Constant-time comparison of the presented key's hash with the stored one. */
export function keyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
