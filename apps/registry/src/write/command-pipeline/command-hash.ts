import { createHash } from 'node:crypto';

/** JSON with object keys sorted and undefined members dropped: the same input always reads the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, member]) => [key, canonical(member)]));
}

/**
 * What a command id stands for: the command's type, the key that sent it and what the caller asked (its input
 * without the id, not what the server derived from it, such as a new key's secret). Kept in every event's
 * metadata, so that the same id sent again with anything else is told apart from a retry.
 */
export function commandHashOf(type: string, keyId: string, request: unknown): string {
  return createHash('sha256').update(JSON.stringify([type, keyId, canonical(request)]), 'utf8').digest('hex');
}

/**
 * A command id is the caller's idempotency key, and each API key has its own: the id is scoped by the key that
 * sent it, so another key reusing it neither replays nor blocks this key's command.
 */
export function scopedCommandId(keyId: string, commandId: string): string {
  return `${keyId}\u0000${commandId}`;
}
