import { schemaVersionOf, type RegistryEvent } from '@registry/domain';
import { streamOf } from '@registry/domain/testing/stream-of';
import type { AppendResult, EventStore } from '@registry/event-store';
import { randomUUID } from 'node:crypto';

export { streamOf };

/**
 * Records domain events straight into a real store, one append each, with the metadata the write side puts
 * on them (schema version, actor, ids). Seeds read-side tests without going through the commands.
 */
export async function appendRegistryEvents(store: EventStore, events: readonly RegistryEvent[]): Promise<AppendResult[]> {
  const results: AppendResult[] = [];
  for (const event of events) {
    const commandId = randomUUID();
    results.push(
      await store.append(
        streamOf(event),
        [
          {
            id: randomUUID(),
            type: event.type,
            data: event.data,
            metadata: {
              schemaVersion: schemaVersionOf(event.type),
              commandId,
              correlationId: commandId,
              causationId: commandId,
              actor: { keyId: 'seed', role: 'ACCREDITATION_BODY' },
              recordedAt: new Date().toISOString(),
            },
          },
        ],
        { expectedRevision: 'any' },
      ),
    );
  }
  return results;
}
