import { createHash } from 'node:crypto';

// A fixed namespace of this registry's event ids (RFC 4122 §4.3); changing it would break retries in flight.
const NAMESPACE = Buffer.from('6b1d52e0c7a94d3f9e2a1f0b8c4d7e21', 'hex');

/**
 * The id of the `index`-th event a command appends to `stream`: a name-based (version 5) UUID, so the same
 * command decided twice yields the same ids, and the store's idempotent append turns the second append
 * into a no-op instead of a duplicate.
 */
export function eventIdFor(commandId: string, stream: string, index: number): string {
  const name = `${commandId}\u0000${stream}\u0000${index}`;
  const bytes = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
