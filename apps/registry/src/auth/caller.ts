import type { Actor } from '@registry/domain';
import { type ApiKeyDirectory } from './api-key-directory';
import { claimedKeyId, keyMatches } from './api-key-secret';

/** Who is calling: nobody in particular, the holder of a valid key, or someone presenting a key that is not
 * (unknown, revoked, malformed) — the last is refused outright rather than served as anonymous. */
export type Caller =
  | { kind: 'anonymous' }
  | { kind: 'key'; actor: Actor }
  | { kind: 'refused'; reason: string };

const BEARER = /^Bearer\s+(\S{1,512})\s*$/i;

export function identifyCaller(authorization: string | undefined, directory: ApiKeyDirectory): Caller {
  if (authorization === undefined || authorization.trim() === '') return { kind: 'anonymous' };
  const key = BEARER.exec(authorization)?.[1];
  if (key === undefined) return { kind: 'refused', reason: 'Authorization must be "Bearer <key>"' };
  const record = directory.find(claimedKeyId(key));
  // The hash is compared even for an unknown id, so a miss costs what a hit costs.
  const matches = keyMatches(key, record?.keyHash ?? '0'.repeat(64));
  if (record === null || !matches) return { kind: 'refused', reason: 'Unknown API key' };
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
