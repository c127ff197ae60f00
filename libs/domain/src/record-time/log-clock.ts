/**
 * The log's clock: when each leaf was recorded, as the registry stamped it (`metadata.recordedAt`, which
 * `migrate` carries across stores), made monotonic along the log. Stamps are taken before the append, so two
 * concurrent commands may land in the log in the other order; the running maximum makes "recorded at or
 * before an instant" a prefix of the log, which is what a Merkle tree size and a checkpoint can cover.
 */

/** The registry's stamp of one event, ISO 8601 UTC to the millisecond — only what the canonical bytes commit
 * to, so an auditor replaying an export keeps the same clock. An event without one (written by another tool)
 * reads as the epoch: it takes the clock of the leaf before it. */
export function recordedAtOf(metadata: { [key: string]: unknown }): string {
  // The registry's own stamps are already in that form: checked by shape, not parsed (every leaf comes here);
  // days past the 28th are parsed, as a date that does not exist would roll over.
  if (typeof metadata.recordedAt === 'string' && ISO_INSTANT.test(metadata.recordedAt) && metadata.recordedAt.slice(8, 10) <= '28') return metadata.recordedAt;
  const stamped = typeof metadata.recordedAt === 'string' ? new Date(metadata.recordedAt) : null;
  return stamped !== null && !Number.isNaN(stamped.getTime()) ? stamped.toISOString() : EPOCH;
}

const EPOCH = new Date(0).toISOString();
const ISO_INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** The clock after one more leaf: never earlier than before. ISO strings of one format order as instants. */
export function advanceLogClock(clock: string | null, recordedAt: string): string {
  return clock !== null && clock > recordedAt ? clock : recordedAt;
}
