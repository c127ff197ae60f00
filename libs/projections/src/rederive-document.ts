import type { EventStore } from '@registry/event-store';
import { BatchFolder } from './batch-folder';
import type { DocumentProjection } from './document-projection';

/**
 * A projection's document for one stream, folded again from the log alone up to `upTo` (the projection's
 * checkpoint): what the read model must hold for it. Null when the projection holds no document for it. The
 * same BatchFolder the runner uses, so a difference is in the stored bytes, never in the folding.
 */
export async function rederiveDocument(
  store: EventStore,
  projection: DocumentProjection<unknown>,
  stream: string,
  upTo: bigint,
): Promise<string | null> {
  const events = (await store.readStream(stream)).filter((event) => event.position <= upTo);
  const folder = new BatchFolder([projection], new Map(), { get: () => null });
  const changes = folder.fold(events);
  return changes.documents.find((change) => change.id === stream)?.json ?? null;
}
