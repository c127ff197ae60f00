import type { EventStore, RecordedEvent } from '@registry/event-store';
import { existsSync } from 'node:fs';
import { leafOf } from './leaf-of';
import type { LogDifference } from './log-difference';
import { CompactRange } from './merkle';
import { openNote, parseVerifierKey } from './note';
import { CheckpointFile, checkpointsPath, type StoredCheckpoint } from './sqlite/checkpoint-file';
import { LogTreeFile, logTreePath, type TreeLeaf } from './sqlite/log-tree-file';

export interface LogVerification {
  leaves: number;
  root: Buffer;
  /** The latest checkpoint the registry signed, if any. */
  latest: StoredCheckpoint | null;
  checkpointsChecked: number;
  difference: LogDifference | null;
  /** A checkpoint whose signature does not verify with the key it names. */
  badSignature: number | null;
}

/**
 * The full pass, offline (`npm run verify-log`, with the registry stopped): hashes every event of the log, compares
 * each leaf with the tree file when there is one (naming the first leaf that differs), and every signed
 * checkpoint's root with the root of that many leaves; checks each checkpoint's signature.
 */
export async function verifyLog(
  store: EventStore,
  dataDir: string,
  verifierKey: string | null,
  onProgress: (leaves: number) => void = () => undefined,
  pageSize = 5_000,
): Promise<LogVerification> {
  const checkpoints = CheckpointFile.open(checkpointsPath(dataDir));
  const tree = existsSync(logTreePath(dataDir)) ? LogTreeFile.open(logTreePath(dataDir)) : null;
  try {
    const sizes = checkpoints.sizes().reverse();
    const latest = checkpoints.latest();
    const verifier = verifierKey === null ? null : parseVerifierKey(verifierKey);
    const range = new CompactRange();
    let next = 0;
    let checked = 0;
    let agreedUpTo = 0;
    let badSignature: number | null = null;
    const result = (difference: LogDifference | null): LogVerification => ({
      leaves: range.size,
      root: range.root(),
      latest,
      checkpointsChecked: checked,
      difference,
      badSignature,
    });
    const checkSigned = (): LogDifference | null => {
      while (next < sizes.length && sizes[next] === range.size) {
        const checkpoint = checkpoints.at(sizes[next])!;
        if (!range.root().equals(checkpoint.rootHash)) return { kind: 'root', treeSize: range.size, fromLeaf: agreedUpTo };
        if (verifier !== null && badSignature === null && !openNote(checkpoint.note, verifier).ok) badSignature = checkpoint.treeSize;
        agreedUpTo = range.size;
        checked += 1;
        next += 1;
      }
      return null;
    };
    const early = checkSigned();
    if (early) return result(early);

    let from: bigint | 'start' = 'start';
    let seen: bigint | undefined;
    let expected: TreeLeaf[] = [];
    let expectedFrom = 0;
    for (;;) {
      const page: RecordedEvent[] = (await store.readAll({ fromPosition: from, maxCount: pageSize + 1 })).filter((event) => event.position !== seen);
      if (page.length === 0) break;
      if (tree !== null) {
        expected = tree.leaves(range.size, page.length);
        expectedFrom = range.size;
      }
      for (const event of page) {
        const leaf = leafOf(event);
        const index = range.size;
        const recorded = expected[index - expectedFrom];
        if (recorded !== undefined) {
          if (recorded.stream !== leaf.stream || recorded.revision !== leaf.revision) {
            return result({ kind: 'displaced', leafIndex: index, stream: recorded.stream, revision: recorded.revision, found: { stream: leaf.stream, revision: leaf.revision } });
          }
          if (!recorded.hash.equals(leaf.hash)) return result({ kind: 'changed', leafIndex: index, stream: recorded.stream, revision: recorded.revision });
        }
        range.append(leaf.hash);
        const difference = checkSigned();
        if (difference) return result(difference);
      }
      onProgress(range.size);
      const last = page[page.length - 1].position;
      seen = last;
      from = last;
    }
    if (next < sizes.length) {
      const missing = tree?.leaf(range.size);
      return result({
        kind: 'missing',
        leafIndex: range.size,
        stream: missing?.stream ?? '(not in the tree file)',
        revision: missing?.revision ?? -1,
      });
    }
    return result(null);
  } finally {
    tree?.close();
    checkpoints.close();
  }
}
