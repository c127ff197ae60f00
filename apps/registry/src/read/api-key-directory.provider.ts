import { Injectable } from '@nestjs/common';
import type { ApiKeyDirectory, ApiKeyRecord } from '../auth/api-key-directory';
import { ReadSideHost } from './read-side.host';

/** API_KEY_DIRECTORY: the api_keys read model. A mutation returns only once its events are projected, so a
 * revocation is seen by the very next request. */
@Injectable()
export class ApiKeyDirectoryProvider implements ApiKeyDirectory {
  constructor(private readonly host: ReadSideHost) {}

  find(keyId: string): ApiKeyRecord | null {
    if (!this.host.started) return null;
    const key = this.host.readModels.apiKey(keyId);
    if (key === null) return null;
    return { keyId: key.keyId, role: key.role, cbId: key.cbId, country: key.country ?? null, label: key.label, keyHash: key.keyHash, revoked: key.revoked !== null };
  }

  count(): number {
    return this.host.started ? this.host.readModels.apiKeyCount() : 0;
  }
}
