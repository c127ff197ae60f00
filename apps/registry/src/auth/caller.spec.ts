import type { ApiKeyDirectory, ApiKeyRecord } from './api-key-directory';
import { generateApiKey, hashApiKey, OPERATOR_KEY_ID } from './api-key-secret';
import { identifyCaller } from './caller';

function directoryOf(...records: ApiKeyRecord[]): ApiKeyDirectory {
  const byId = new Map(records.map((r) => [r.keyId, r]));
  return { find: (keyId) => byId.get(keyId) ?? null, count: () => byId.size };
}

describe('identifying the caller from the Authorization header', () => {
  const cbKey = generateApiKey();
  const cbRecord: ApiKeyRecord = {
    keyId: cbKey.keyId,
    role: 'CERTIFICATION_BODY',
    cbId: 'th-ftpi',
    country: null,
    label: 'FTPI integration',
    keyHash: cbKey.keyHash,
    revoked: false,
  };

  it('treats a request without the header as anonymous', () => {
    expect(identifyCaller(undefined, directoryOf())).toEqual({ kind: 'anonymous' });
    expect(identifyCaller('  ', directoryOf())).toEqual({ kind: 'anonymous' });
  });

  it('gives a valid key its role and certification body', () => {
    expect(identifyCaller(`Bearer ${cbKey.secret}`, directoryOf(cbRecord))).toEqual({
      kind: 'key',
      actor: { role: 'CERTIFICATION_BODY', keyId: cbKey.keyId, cbId: 'th-ftpi' },
    });
  });

  it("gives a skills focal point's key its country", () => {
    const key = generateApiKey();
    const record: ApiKeyRecord = { keyId: key.keyId, role: 'SKILLS_FOCAL_POINT', cbId: null, country: 'KH', label: 'KH focal point', keyHash: key.keyHash, revoked: false };
    expect(identifyCaller(`Bearer ${key.secret}`, directoryOf(record))).toEqual({
      kind: 'key',
      actor: { role: 'SKILLS_FOCAL_POINT', keyId: key.keyId, country: 'KH' },
    });
  });

  it('refuses a key whose secret does not match its id', () => {
    const forged = cbKey.secret.slice(0, -4) + 'AAAA';
    expect(identifyCaller(`Bearer ${forged}`, directoryOf(cbRecord))).toMatchObject({ kind: 'refused' });
  });

  it('refuses a revoked key, saying so', () => {
    const caller = identifyCaller(`Bearer ${cbKey.secret}`, directoryOf({ ...cbRecord, revoked: true }));
    expect(caller).toEqual({ kind: 'refused', reason: 'This API key has been revoked' });
  });

  it('refuses an unknown key and a header that is not a bearer token', () => {
    expect(identifyCaller(`Bearer ${generateApiKey().secret}`, directoryOf(cbRecord))).toMatchObject({ kind: 'refused' });
    expect(identifyCaller(`Basic dXNlcjpwYXNz`, directoryOf(cbRecord))).toMatchObject({ kind: 'refused' });
  });

  it("accepts an operator's free-format admin key under the operator key id", () => {
    const operatorKey = 'operator-chosen-secret-for-the-first-admin-key-2024';
    const record: ApiKeyRecord = {
      keyId: OPERATOR_KEY_ID,
      role: 'ACCREDITATION_BODY',
      cbId: null,
      country: null,
      label: 'bootstrap',
      keyHash: hashApiKey(operatorKey),
      revoked: false,
    };
    expect(identifyCaller(`Bearer ${operatorKey}`, directoryOf(record))).toEqual({
      kind: 'key',
      actor: { role: 'ACCREDITATION_BODY', keyId: OPERATOR_KEY_ID },
    });
  });
});

describe('generated API keys', () => {
  it('are unique and stored only as a hash of the whole key', () => {
    const a = generateApiKey();
    const b = generateApiKey();
    expect(a.secret).not.toEqual(b.secret);
    expect(a.keyHash).toEqual(hashApiKey(a.secret));
    expect(a.keyHash).not.toContain(a.secret.slice(-43));
    expect(a.secret).toMatch(/^mrr_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
  });
});
