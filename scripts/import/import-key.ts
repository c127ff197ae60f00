import { apiKeyStream, evolveApiKeyTimeline, type Actor, type ApiKeyTimeline, type RegistryCommandType } from '@registry/domain';
import type { EventStore } from '@registry/event-store';
import { Authorizer, identifyCaller, type ApiKeyDirectory, type KeyHashing } from '../../apps/registry/src/auth';
import { claimedKeyId } from '../../apps/registry/src/auth/api-key-secret';
import { toLoaded } from '../../apps/registry/src/write/command-pipeline/stream-reader';

/**
 * The presented key's own stream, folded as the read side folds it: the import runs with no read side (the
 * registry is stopped), and the key's ApiKeyCreated / ApiKeyRevoked events are all it needs to know the key.
 */
async function keyDirectoryFromLog(store: EventStore, key: string): Promise<ApiKeyDirectory> {
  const keyId = claimedKeyId(key);
  const { records } = toLoaded(apiKeyStream(keyId), await store.readStream(apiKeyStream(keyId)));
  let timeline: ApiKeyTimeline | null = null;
  for (const { event, ref } of records) timeline = evolveApiKeyTimeline(timeline, event, ref);
  const found = timeline;
  return {
    find: (id) => (found === null || id !== found.keyId ? null : { ...found, revoked: found.revoked !== null }),
    count: () => (found === null ? 0 : 1),
  };
}

/**
 * The key's holder, checked as the API checks a caller (same hashing, same messages); refused unless it may send
 * every command of the import.
 */
export async function importingActor(store: EventStore, hashing: KeyHashing, key: string, commands: Iterable<RegistryCommandType>): Promise<Actor> {
  const caller = await identifyCaller(`Bearer ${key}`, await keyDirectoryFromLog(store, key), hashing);
  if (caller.kind !== 'key') throw new Error(caller.kind === 'refused' ? caller.reason : 'an API key is required');
  const authorizer = new Authorizer();
  for (const type of new Set(commands)) authorizer.authorizeCommand(caller.actor, type);
  return caller.actor;
}
