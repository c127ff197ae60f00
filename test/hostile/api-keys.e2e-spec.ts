import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyHashing, legacyKeyHash, loadKeySecret } from '../../apps/registry/src/auth';
import { makeTempDataDir } from '../../libs/event-store/src/sqlite/testing/temp-data-dir';
import { describeOnEmbeddedStore } from '../support/test-store';
import { errorCodes, graphql, mutationDocument } from './support/graphql-calls';
import { startRegistryChild } from './support/registry-child';
import { buildWorld, type World } from './support/world';

const CREATE_KEY = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { keyId key } }';
const REVOKE_KEY = 'mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { position } }';
const SCHEMES = 'query { schemes { code } }';

describe('API keys', () => {
  describe('on a running registry', () => {
    let world: World;

    beforeAll(async () => {
      world = await buildWorld();
    }, 60_000);

    afterAll(async () => {
      await world?.registry.cleanup();
    });

    it('stops working on the very next request once revoked', async () => {
      const created = await world.must('createApiKey', { role: 'CERTIFICATION_BODY', cbId: 'th-ftpi', label: 'to revoke' }, world.keys.admin);
      const key = String(created.key);
      const revoke = mutationDocument(world.schema, 'revokeApiKey');
      const before = await graphql(world.registry.http, SCHEMES, {}, key);

      await graphql(world.registry.http, revoke, { input: { keyId: created.keyId } }, world.keys.admin);
      const after = await graphql(world.registry.http, SCHEMES, {}, key);

      expect(errorCodes(before)).toEqual([]);
      expect(errorCodes(after)).toEqual(['UNAUTHENTICATED']);
    });

    it('refuses a key whose secret was altered by one character, and one made up in the right format', async () => {
      const tampered = `${world.keys.th.slice(0, -1)}${world.keys.th.endsWith('A') ? 'B' : 'A'}`;
      const madeUp = `mrr_0123456789abcdef_${'A'.repeat(43)}`;

      for (const key of [tampered, madeUp, 'x', `${world.keys.th} ${world.keys.th}`]) {
        expect(errorCodes(await graphql(world.registry.http, SCHEMES, {}, key))).toEqual(['UNAUTHENTICATED']);
      }
    });
  });

  // A separate registry process on its own (embedded) store: running it again on the EventStoreDB leg adds nothing.
  describeOnEmbeddedStore('in the logs and on disk', () => {
    const dir = makeTempDataDir('keys-logged');
    const adminKey = `operator-admin-key-${'Z'.repeat(24)}`;

    afterAll(() => dir.remove());

    it('never writes a key to the log at the most verbose level, nor to any file of the data directory: only its keyed hash', async () => {
      const registry = await startRegistryChild({ REGISTRY_ADMIN_KEY: adminKey, REGISTRY_DATA_DIR: dir.dataDir, LOG_LEVEL: 'trace' });
      let output = '';
      const secrets: string[] = [adminKey];
      try {
        const created = await graphql(registry.http, CREATE_KEY, { input: { role: 'AUDITOR', label: 'log test' } }, adminKey);
        const data = created.data?.createApiKey as { keyId: string; key: string };
        secrets.push(data.key);
        expect(await graphql(registry.http, SCHEMES, {}, data.key)).toMatchObject({ errors: [] });
        // Failures and refusals are where keys tend to leak into logs.
        const forged = `${data.key.slice(0, -6)}FORGED`;
        secrets.push(forged);
        await graphql(registry.http, SCHEMES, {}, forged);
        await graphql(registry.http, CREATE_KEY, { input: { role: 'NOBODY', label: 'x' } }, data.key);
        await graphql(registry.http, 'query { thisFieldDoesNotExist }', {}, adminKey);
        await graphql(registry.http, REVOKE_KEY, { input: { keyId: data.keyId } }, adminKey);
        expect(errorCodes(await graphql(registry.http, SCHEMES, {}, data.key))).toEqual(['UNAUTHENTICATED']);
        await registry.http.get('/health', { authorization: `Bearer ${adminKey}` });
      } finally {
        output = await registry.stop();
      }

      // The capture worked: requests were logged, at trace level.
      expect(output).toMatch(/"url":"\/graphql"/);
      const leaked = secrets.filter((secret) => output.includes(secret) || output.includes(secret.slice(-20)));
      expect(leaked).toEqual([]);

      const files = readdirSync(dir.dataDir).map((name) => readFileSync(join(dir.dataDir, name)).toString('latin1'));
      const onDisk = files.join('\n');
      expect(secrets.filter((secret) => onDisk.includes(secret))).toEqual([]);
      // …while the hashes are there (the files read are the ones that hold the keys): the created key's HMAC under
      // the data directory's secret, the operator's key under scrypt; no plain SHA-256 of any key anywhere.
      const hashing = new KeyHashing(loadKeySecret({ dataDir: dir.dataDir }));
      expect(onDisk.includes(hashing.hashGeneratedKey(secrets[1]))).toBe(true);
      expect(onDisk).toMatch(/scrypt\$32768\$8\$1\$/);
      expect(secrets.filter((secret) => onDisk.includes(legacyKeyHash(secret)))).toEqual([]);
    }, 60_000);
  });
});
