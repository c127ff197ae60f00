import type { ApiKeyDirectory, ApiKeyRecord } from './api-key-directory';
import { generateApiKey, legacyKeyHash, OPERATOR_KEY_ID } from './api-key-secret';
import { identifyCaller } from './caller';
import { KeyHashing, SCRYPT_CHECKS_PER_WINDOW } from './key-hashing';

function directoryOf(...records: ApiKeyRecord[]): ApiKeyDirectory {
  const byId = new Map(records.map((r) => [r.keyId, r]));
  return { find: (keyId) => byId.get(keyId) ?? null, count: () => byId.size };
}

const SECRET = Buffer.from('the registry key secret, 32 characters or more');

describe('identifying the caller from the Authorization header', () => {
  const hashing = new KeyHashing(SECRET);
  const cbKey = generateApiKey();
  const cbRecord: ApiKeyRecord = {
    keyId: cbKey.keyId,
    role: 'CERTIFICATION_BODY',
    cbId: 'th-ftpi',
    country: null,
    label: 'FTPI integration',
    keyHash: hashing.hashGeneratedKey(cbKey.secret),
    revoked: false,
  };
  const identify = (header: string | undefined, directory: ApiKeyDirectory) => identifyCaller(header, directory, hashing);

  it('treats a request without the header as anonymous', async () => {
    expect(await identify(undefined, directoryOf())).toEqual({ kind: 'anonymous' });
    expect(await identify('  ', directoryOf())).toEqual({ kind: 'anonymous' });
  });

  it('gives a valid key its role and certification body', async () => {
    expect(await identify(`Bearer ${cbKey.secret}`, directoryOf(cbRecord))).toEqual({
      kind: 'key',
      actor: { role: 'CERTIFICATION_BODY', keyId: cbKey.keyId, cbId: 'th-ftpi' },
    });
  });

  it("gives a skills focal point's key its country", async () => {
    const key = generateApiKey();
    const record: ApiKeyRecord = {
      keyId: key.keyId,
      role: 'SKILLS_FOCAL_POINT',
      cbId: null,
      country: 'KH',
      label: 'KH focal point',
      keyHash: hashing.hashGeneratedKey(key.secret),
      revoked: false,
    };
    expect(await identify(`Bearer ${key.secret}`, directoryOf(record))).toEqual({
      kind: 'key',
      actor: { role: 'SKILLS_FOCAL_POINT', keyId: key.keyId, country: 'KH' },
    });
  });

  it('refuses a key whose secret does not match its id', async () => {
    const forged = cbKey.secret.slice(0, -4) + 'AAAA';
    expect(await identify(`Bearer ${forged}`, directoryOf(cbRecord))).toMatchObject({ kind: 'refused' });
  });

  it('refuses a revoked key, saying so', async () => {
    const caller = await identify(`Bearer ${cbKey.secret}`, directoryOf({ ...cbRecord, revoked: true }));
    expect(caller).toEqual({ kind: 'refused', reason: 'This API key has been revoked' });
  });

  it('refuses an unknown key and a header that is not a bearer token', async () => {
    expect(await identify(`Bearer ${generateApiKey().secret}`, directoryOf(cbRecord))).toMatchObject({ kind: 'refused' });
    expect(await identify(`Basic dXNlcjpwYXNz`, directoryOf(cbRecord))).toMatchObject({ kind: 'refused' });
  });

  it('still accepts a key recorded as plain SHA-256, before keys were hashed with the secret', async () => {
    const old = generateApiKey();
    const record: ApiKeyRecord = { ...cbRecord, keyId: old.keyId, keyHash: legacyKeyHash(old.secret) };
    expect(await identify(`Bearer ${old.secret}`, directoryOf(record))).toMatchObject({ kind: 'key', actor: { keyId: old.keyId } });
    expect(await identify(`Bearer ${old.secret.slice(0, -1)}Z`, directoryOf(record))).toMatchObject({ kind: 'refused' });
  });
});

describe('how keys are stored', () => {
  it('generated keys: an HMAC under the secret, so the stored hash says nothing to whoever lacks the secret', () => {
    const key = generateApiKey().secret;
    const stored = new KeyHashing(SECRET).hashGeneratedKey(key);
    expect(stored).toMatch(/^hmac-sha256\$[0-9a-f]{64}$/);
    expect(stored).not.toContain(legacyKeyHash(key));
    expect(new KeyHashing(Buffer.from('another secret, 32 characters or more')).hashGeneratedKey(key)).not.toEqual(stored);
  });

  it('an operator-chosen key: scrypt of the HMAC, with a salt of its own', async () => {
    const hashing = new KeyHashing(SECRET);
    const a = await hashing.hashOperatorKey('an operator chose this key, 32 characters');
    const b = await hashing.hashOperatorKey('an operator chose this key, 32 characters');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toEqual(b);
  });
});

describe("checking an operator's key costs one HMAC per request, not a KDF", () => {
  const operatorKey = 'operator-chosen-secret-for-the-first-admin-key-2024';

  async function operatorRecord(): Promise<ApiKeyRecord> {
    return {
      keyId: OPERATOR_KEY_ID,
      role: 'ACCREDITATION_BODY',
      cbId: null,
      country: null,
      label: 'bootstrap',
      keyHash: await new KeyHashing(SECRET).hashOperatorKey(operatorKey),
      revoked: false,
    };
  }

  it('runs scrypt once for the right key, then remembers it', async () => {
    const hashing = new KeyHashing(SECRET);
    const directory = directoryOf(await operatorRecord());
    for (let i = 0; i < 20; i += 1) {
      expect(await identifyCaller(`Bearer ${operatorKey}`, directory, hashing)).toEqual({
        kind: 'key',
        actor: { role: 'ACCREDITATION_BODY', keyId: OPERATOR_KEY_ID },
      });
    }
    expect(hashing.kdfRuns).toBe(1);
  });

  it('runs scrypt once for a wrong key repeated, and never more than its allowance a minute for many wrong keys', async () => {
    let now = 0;
    const hashing = new KeyHashing(SECRET, () => now);
    const directory = directoryOf(await operatorRecord());
    for (let i = 0; i < 5; i += 1) await identifyCaller('Bearer not-the-operator-key-but-long-enough', directory, hashing);
    expect(hashing.kdfRuns).toBe(1);

    const guesses = await Promise.all(
      Array.from({ length: SCRYPT_CHECKS_PER_WINDOW + 10 }, (_, i) => identifyCaller(`Bearer guess-number-${i}`, directory, hashing)),
    );
    expect(hashing.kdfRuns).toBe(SCRYPT_CHECKS_PER_WINDOW);
    expect(guesses.every((caller) => caller.kind === 'refused')).toBe(true);
    expect(guesses.filter((caller) => caller.kind === 'refused' && /Too many attempts/.test(caller.reason))).toHaveLength(11);

    now += 60_000;
    expect(await identifyCaller(`Bearer ${operatorKey}`, directory, hashing)).toMatchObject({ kind: 'key' });
  }, 30_000);

  it('costs no KDF at all for a key remembered at start', async () => {
    const hashing = new KeyHashing(SECRET);
    const record = await operatorRecord();
    hashing.remember(operatorKey, record.keyId, record.keyHash);
    expect(await identifyCaller(`Bearer ${operatorKey}`, directoryOf(record), hashing)).toMatchObject({ kind: 'key' });
    expect(hashing.kdfRuns).toBe(0);
  });

  it('never runs a KDF for a CERTIFICATION_BODY key (generated: HMAC only)', async () => {
    const hashing = new KeyHashing(SECRET);
    const key = generateApiKey();
    const record: ApiKeyRecord = { keyId: key.keyId, role: 'CERTIFICATION_BODY', cbId: 'th-ftpi', country: null, label: 'cb', keyHash: hashing.hashGeneratedKey(key.secret), revoked: false };
    for (let i = 0; i < 50; i += 1) await identifyCaller(`Bearer ${i % 2 ? key.secret : key.secret.slice(0, -2) + 'xx'}`, directoryOf(record), hashing);
    expect(hashing.kdfRuns).toBe(0);
  });
});
