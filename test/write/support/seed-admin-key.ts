import { apiKeyStream, schemaVersionOf } from '@registry/domain';
import { openSqliteEventStore } from '@registry/event-store';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateApiKey } from '../../../apps/registry/src/auth';

/**
 * A fresh data directory whose log already holds one ACCREDITATION_BODY key, recorded as the registry records
 * keys (ApiKeyCreated, hash only), so these tests do not depend on how the first key is bootstrapped.
 */
export async function dataDirWithAdminKey(): Promise<{ dataDir: string; adminKey: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-write-e2e-'));
  const { keyId, secret, keyHash } = generateApiKey();
  const store = await openSqliteEventStore({ dataDir });
  try {
    await store.append(
      apiKeyStream(keyId),
      [
        {
          id: randomUUID(),
          type: 'ApiKeyCreated',
          data: { keyId, role: 'ACCREDITATION_BODY', cbId: null, label: 'write e2e admin', keyHash },
          metadata: { schemaVersion: schemaVersionOf('ApiKeyCreated') },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
  } finally {
    await store.close();
  }
  return { dataDir, adminKey: secret };
}
