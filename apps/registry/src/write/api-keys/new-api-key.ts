import { createHash } from 'node:crypto';
import { generateApiKey, type GeneratedApiKey, type KeyHashing } from '../../auth';

/**
 * A new key whose id is derived from the command id, so a retried createApiKey lands on the same key stream
 * and is recognised as a replay (a random id, as generateApiKey() picks by default, could not be found again).
 * It is stored as its HMAC, like every generated key.
 */
export function newApiKeyFor(commandId: string, hashing: KeyHashing): GeneratedApiKey & { keyHash: string } {
  const key = generateApiKey(createHash('sha256').update(`apikey\u0000${commandId}`, 'utf8').digest('hex').slice(0, 16));
  return { ...key, keyHash: hashing.hashGeneratedKey(key.secret) };
}
