import { createHash, randomBytes } from 'node:crypto';
import type { GeneratedApiKey, KeyHashing } from '../../auth';
import { claimedKeyId } from '../../auth/api-key-secret';

/**
 * A new key whose id is derived from the command id, so a retried createApiKey lands on the same key stream
 * and is recognised as a replay (the auth layer's generateApiKey() picks a random id, which a retry could not
 * find again). The key reads like every other: `mrr_<16 hex id>_<256-bit secret>`, stored as its HMAC.
 */
export function newApiKeyFor(commandId: string, hashing: KeyHashing): GeneratedApiKey & { keyHash: string } {
  const keyId = createHash('sha256').update(`apikey\u0000${commandId}`, 'utf8').digest('hex').slice(0, 16);
  const secret = `mrr_${keyId}_${randomBytes(32).toString('base64url')}`;
  // The auth layer must find this key by its id; if its format ever changes, fail here rather than mint dead keys.
  if (claimedKeyId(secret) !== keyId) throw new Error('the API key format of the auth layer has changed');
  return { keyId, secret, keyHash: hashing.hashGeneratedKey(secret) };
}
