import type { ApiKeyDirectory } from '../../auth';
import { identifyCaller } from '../../auth';
import { newApiKeyFor } from './new-api-key';

describe('keys minted by createApiKey', () => {
  const commandId = '0b6c3c1e-2f0a-4d0e-9a55-3f4c2f1d9e10';

  it('take their id from the command id, so a retry finds the same key stream', () => {
    expect(newApiKeyFor(commandId).keyId).toBe(newApiKeyFor(commandId).keyId);
    expect(newApiKeyFor(commandId).keyId).not.toBe(newApiKeyFor('5d1f3b0e-8c7a-4f55-b2a0-6f1e9d3c2b11').keyId);
  });

  it('get a fresh secret each time', () => {
    expect(newApiKeyFor(commandId).secret).not.toBe(newApiKeyFor(commandId).secret);
  });

  it('are accepted by the auth layer once their hash is on record', () => {
    const key = newApiKeyFor(commandId);
    const directory: ApiKeyDirectory = {
      find: (keyId) => (keyId === key.keyId ? { keyId, role: 'AUDITOR', cbId: null, country: null, label: 'audit', keyHash: key.keyHash, revoked: false } : null),
      count: () => 1,
    };

    expect(identifyCaller(`Bearer ${key.secret}`, directory)).toEqual({ kind: 'key', actor: { role: 'AUDITOR', keyId: key.keyId } });
  });
});
