import type { DocumentTable } from './sqlite/document-table';

/** A parsed document and its id (the stream it folds): the id is the sort key of keyset pages. */
export type Keyed<Doc> = { id: string; doc: Doc };

/** A lookup key of a projection (name, value), or null for the whole table. */
export type KeyFilter = readonly [name: string, value: string] | null;

/** Up to `limit` documents after the id `afterId` (from the first when null), in id order: one index seek. */
export function keyedPage<Doc>(table: DocumentTable, filter: KeyFilter, afterId: string | null, limit: number): Keyed<Doc>[] {
  const rows = filter === null ? table.listAfter(afterId, limit) : table.findByKeyAfter(filter[0], filter[1], afterId, limit);
  return rows.map((row) => ({ id: row.id, doc: JSON.parse(row.doc) as Doc }));
}

/** How many documents the page's source holds: a count in an index, no document read. */
export function keyedCount(table: DocumentTable, filter: KeyFilter): number {
  return filter === null ? table.count() : table.countWithKey(filter[0], filter[1]);
}
