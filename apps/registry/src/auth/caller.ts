import type { Actor } from '@registry/domain';
import { type ApiKeyDirectory } from './api-key-directory';
import { claimedKeyId } from './api-key-secret';
import { KeyHashing } from './key-hashing';

/** Who is calling: nobody in particular, the holder of a valid key, or someone presenting a key that is not
 * (unknown, revoked, malformed) — the last is refused outright rather than served as anonymous. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'key'; actor: Actor }
  | { kind: 'refused'; reason: string };

const BEARER = /^Bearer\s+(\S{1,512})\s*$/i;

export async function identifyCaller(authorization: string | undefined, directory: ApiKeyDirectory, hashing: KeyHashing): Promise<Caller> {
  if (authorization === undefined || authorization.trim() === '') return { kind: 'anonymous' };
  const key = BEARER.exec(authorization)?.[1];
  if (key === undefined) return { kind: 'refused', reason: 'Authorization must be "Bearer <key>"' };
  const record = directory.find(claimedKeyId(key));
  // Checked even for an unknown id (against a dummy record), so a miss costs what a hit costs.
  const check = await hashing.check(key, record?.keyId ?? '', record?.keyHash ?? KeyHashing.UNKNOWN);
  if (check === 'too-many-attempts') return { kind: 'refused', reason: 'Too many attempts with an operator-chosen key: retry in a minute' };
  if (record === null || check !== 'match') return { kind: 'refused', reason: 'Unknown API key' };
  if (record.revoked) return { kind: 'refused', reason: 'This API key has been revoked' };
  return {
    kind: 'key',
    actor: {
      role: record.role,
      keyId: record.keyId,
      ...(record.cbId ? { cbId: record.cbId } : {}),
      ...(record.country ? { country: record.country } : {}),
    },
  };
}
