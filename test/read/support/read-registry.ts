import type { RegistryEvent } from '@registry/domain';
import type { AppendResult, EventStore } from '@registry/event-store';
import { appendRegistryEvents } from '@registry/projections/testing/registry-events';
import { generateApiKey, legacyKeyHash } from '../../../apps/registry/src/auth';
import { READ_MODEL_PROGRESS, type ReadModelProgress } from '../../../apps/registry/src/read/read-model-progress';
import { EVENT_STORE } from '../../../apps/registry/src/store';
import type { RunningRegistry } from '../../support/in-process-registry';

export type GraphqlError = { message: string; extensions?: Record<string, unknown> };
export type Answer<T> = { data: T | null; errors: GraphqlError[] };

/** Sends a query, with a key when given. */
export async function query<T = Record<string, unknown>>(
  registry: RunningRegistry,
  text: string,
  variables: Record<string, unknown> = {},
  key?: string,
): Promise<Answer<T>> {
  const headers: Record<string, string> = key === undefined ? {} : { authorization: `Bearer ${key}` };
  const response = await registry.http.graphql<T>(text, variables, headers);
  return { data: response.body.data ?? null, errors: response.body.errors ?? [] };
}

/**
 * Records domain events straight into the running registry's store (as the write side would) and waits until
 * the read models hold them: seeds situations no command would allow any more, such as a certificate issued
 * by a CB that was never accredited.
 */
export async function record(registry: RunningRegistry, events: readonly RegistryEvent[]): Promise<AppendResult[]> {
  const results = await appendRegistryEvents(registry.app.get<EventStore>(EVENT_STORE), events);
  if (results.length > 0) await registry.app.get<ReadModelProgress>(READ_MODEL_PROGRESS).waitFor(results[results.length - 1].position);
  return results;
}

/** Records a new key of `role` and returns the secret to present. Recorded as plain SHA-256, as keys were before
 * they were hashed with the registry's secret: every read test also proves that such keys still work. */
export async function recordApiKey(
  registry: RunningRegistry,
  role: 'ACCREDITATION_BODY' | 'CERTIFICATION_BODY' | 'AUDITOR',
  cbId: string | null = null,
): Promise<{ keyId: string; secret: string }> {
  const { keyId, secret } = generateApiKey();
  const keyHash = legacyKeyHash(secret);
  await record(registry, [{ type: 'ApiKeyCreated', data: { keyId, role, cbId, country: null, label: `${role} test key`, keyHash } }]);
  return { keyId, secret };
}
