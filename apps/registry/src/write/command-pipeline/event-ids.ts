import { v5 as uuidV5 } from 'uuid';

// A fixed namespace of this registry's event ids (RFC 9562 §5.5); changing it would break retries in flight.
const NAMESPACE = '6b1d52e0-c7a9-4d3f-9e2a-1f0b8c4d7e21';

/**
 * The id of the `index`-th event a command appends to `stream`: a name-based (version 5) UUID, so the same
 * command decided twice yields the same ids, and the store's idempotent append turns the second append
 * into a no-op instead of a duplicate.
 */
export function eventIdFor(commandId: string, stream: string, index: number): string {
  return uuidV5(`${commandId}\u0000${stream}\u0000${index}`, NAMESPACE);
}
