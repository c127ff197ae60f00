import { apiKeyStream } from '../streams';
import { evolveApiKeyTimeline, isApiKeyActive } from './timeline';

describe('the API key read document', () => {
  const stream = apiKeyStream('k1');
  const createdRef = { stream, revision: 0, position: '10', type: 'ApiKeyCreated' };
  const revokedRef = { stream, revision: 1, position: '20', type: 'ApiKeyRevoked' };
  const created = evolveApiKeyTimeline(
    null,
    { type: 'ApiKeyCreated', data: { keyId: 'k1', role: 'AUDITOR', cbId: null, country: null, label: 'auditor', keyHash: 'h' } },
    createdRef,
  );

  it('holds the hash and role of a created key, active', () => {
    expect(created).toMatchObject({ keyId: 'k1', role: 'AUDITOR', keyHash: 'h', created: createdRef, revoked: null });
    expect(created && isApiKeyActive(created)).toBe(true);
  });

  it('records the revocation, after which the key is not active', () => {
    if (!created) throw new Error('no key');
    const revoked = evolveApiKeyTimeline(created, { type: 'ApiKeyRevoked', data: { keyId: 'k1' } }, revokedRef);
    expect(revoked.revoked).toEqual(revokedRef);
    expect(isApiKeyActive(revoked)).toBe(false);
  });
});
