import type { ApiKeyDirectory } from '../../auth';
import { identifyCaller, KeyHashing } from '../../auth';
import { newApiKeyFor } from './new-api-key';

describe('keys minted by createApiKey', () => {
  const commandId = '0b6c3c1e-2f0a-4d0e-9a55-3f4c2f1d9e10';
  const hashing = new KeyHashing(Buffer.from('a server secret of at least 32 characters'));

  it('take their id from the command id, so a retry finds the same key stream', () => {
    expect(newApiKeyFor(commandId, hashing).keyId).toBe(newApiKeyFor(commandId, hashing).keyId);
    expect(newApiKeyFor(commandId, hashing).keyId).not.toBe(newApiKeyFor('5d1f3b0e-8c7a-4f55-b2a0-6f1e9d3c2b11', hashing).keyId);
  });

  it('get a fresh secret each time', () => {
    expect(newApiKeyFor(commandId, hashing).secret).not.toBe(newApiKeyFor(commandId, hashing).secret);
  });

  it('are accepted by the auth layer once their hash is on record', async () => {
    const key = newApiKeyFor(commandId, hashing);
    const directory: ApiKeyDirectory = {
      find: (keyId) => (keyId === key.keyId ? { keyId, role: 'AUDITOR', cbId: null, country: null, label: 'audit', keyHash: key.keyHash, revoked: false } : null),
      count: () => 1,
    };

    expect(await identifyCaller(`Bearer ${key.secret}`, directory, hashing)).toEqual({ kind: 'key', actor: { role: 'AUDITOR', keyId: key.keyId } });
  });
});
