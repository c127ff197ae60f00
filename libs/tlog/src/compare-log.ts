import type { EventStore, RecordedEvent } from '@registry/event-store';
import { leafOf } from './leaf-of';
import type { LogDifference } from './log-difference';
import type { LogTreeFile, TreeLeaf } from './sqlite/log-tree-file';

export interface Comparison {
  difference: LogDifference | null;
  /** Leaves compared. */
  compared: number;
  /** The first event the log holds past the tree's last leaf, if any. */
  beyond: RecordedEvent | null;
}

/**
 * Hashes the log again from leaf `fromLeaf` to the tree's end and compares leaf by leaf: the first leaf whose
 * event is changed, missing, or not the one the tree recorded there (a deletion, insertion or swap before it
 * shifts it) is named. Reads in pages through the port, so it works on both stores.
 */
export async function compareLogWithTree(
  store: EventStore,
  tree: LogTreeFile,
  fromLeaf: number,
  options: { pageSize?: number; onProgress?: (compared: number) => void; betweenPages?: () => Promise<void> } = {},
): Promise<Comparison> {
  const pageSize = options.pageSize ?? 5_000;
  const end = tree.size;
  let index = Math.max(0, Math.min(fromLeaf, end));
  let from: bigint | 'start' = index === 0 ? 'start' : tree.leaf(index)?.position ?? 'start';
  // Start one leaf early when resuming, so the anchor itself is checked and a leaf deleted there is seen.
  if (index > 0) {
    index -= 1;
    from = tree.leaf(index)!.position;
  }
  const startIndex = index;
  let skipPosition: bigint | undefined;
  for (;;) {
    const page = (await store.readAll({ fromPosition: from, maxCount: pageSize + 1 })).filter((event) => event.position !== skipPosition);
    const pageStart = index;
    const expected: TreeLeaf[] = index < end ? tree.leaves(index, Math.min(page.length, end - index)) : [];
    for (const event of page) {
      if (index >= end) return { difference: null, compared: index - startIndex, beyond: event };
      const leaf = expected[index - pageStart];
      const difference = differenceAt(index, leaf, event);
      if (difference) return { difference, compared: index - startIndex, beyond: null };
      index += 1;
    }
    options.onProgress?.(index - startIndex);
    if (page.length === 0) break;
    await options.betweenPages?.();
    skipPosition = page[page.length - 1].position;
    from = skipPosition;
  }
  if (index < end) {
    const leaf = tree.leaf(index)!;
    return { difference: { kind: 'missing', leafIndex: index, stream: leaf.stream, revision: leaf.revision }, compared: index - startIndex, beyond: null };
  }
  return { difference: null, compared: index - startIndex, beyond: null };
}

function differenceAt(leafIndex: number, leaf: TreeLeaf, event: RecordedEvent): LogDifference | null {
  const found = { stream: event.stream, revision: Number(event.revision) };
  if (found.stream !== leaf.stream || found.revision !== leaf.revision) {
    return { kind: 'displaced', leafIndex, stream: leaf.stream, revision: leaf.revision, found };
  }
  if (!leafOf(event).hash.equals(leaf.hash)) return { kind: 'changed', leafIndex, stream: leaf.stream, revision: leaf.revision };
  return null;
}
