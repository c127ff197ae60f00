/**
 * The log's clock: when each leaf was recorded, as the registry stamped it (`metadata.recordedAt`, which
 * `migrate` carries across stores), made monotonic along the log. Stamps are taken before the append, so two
 * concurrent commands may land in the log in the other order; the running maximum makes "recorded at or
 * before an instant" a prefix of the log, which is what a Merkle tree size and a checkpoint can cover.
 */

/** The stamp of one event, ISO 8601 UTC to the millisecond: the registry's, else the store's. */
export function recordedAtOf(metadata: { [key: string]: unknown }, storeRecordedAt: Date | string | null): string {
  const stamped = typeof metadata.recordedAt === 'string' ? new Date(metadata.recordedAt) : null;
  if (stamped !== null && !Number.isNaN(stamped.getTime())) return stamped.toISOString();
  const fallback = storeRecordedAt === null ? null : new Date(storeRecordedAt);
  return fallback !== null && !Number.isNaN(fallback.getTime()) ? fallback.toISOString() : new Date(0).toISOString();
}

/** The clock after one more leaf: never earlier than before. ISO strings of one format order as instants. */
export function advanceLogClock(clock: string | null, recordedAt: string): string {
  return clock !== null && clock > recordedAt ? clock : recordedAt;
}
