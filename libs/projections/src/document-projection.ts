import type { EventRef, RegistryEvent, RegistryEventType } from '@registry/domain';

/** A lookup key stored beside a document and indexed, e.g. `['country', 'TH']`: what a query searches by. */
export type DocumentKey = readonly [name: string, value: string];

/**
 * A read model as a fold, after emmett's projections: one JSON document per stream, evolved event by event
 * by a pure function. The runner feeds it from the store's log with a checkpoint, so the same events give
 * the same documents, live or rebuilt.
 */
export interface DocumentProjection<Doc> {
  /** Also the name of its tables: lower-case letters and underscores. */
  readonly name: string;
  /** Bump whenever `evolve` or the document's shape changes: the projection is then rebuilt from position 0
   * the next time the read models are opened, instead of mixing old and new documents. */
  readonly version: number;
  /** The event types it folds; every other event only moves its checkpoint. */
  readonly eventTypes: readonly RegistryEventType[];
  /** Pure and deterministic. Must return `doc` itself when the event changes nothing (a replay), so that
   * nothing is rewritten; null removes the document. */
  evolve(doc: Doc | null, event: RegistryEvent, ref: EventRef): Doc | null;
  /** The document's lookup keys; none when omitted. */
  keys?(doc: Doc): readonly DocumentKey[];
}

/** Checks a projection's shape at definition time, so a bad name fails at start, not in SQL. */
export function defineProjection<Doc>(projection: DocumentProjection<Doc>): DocumentProjection<Doc> {
  if (!/^[a-z][a-z_]*$/.test(projection.name)) {
    throw new Error(`projection name ${JSON.stringify(projection.name)} must be lower-case letters and underscores`);
  }
  if (!Number.isInteger(projection.version) || projection.version < 1) {
    throw new Error(`projection ${projection.name}: version must be a positive integer`);
  }
  return projection;
}
