import type { EventStore } from '@registry/event-store';
import { existsSync } from 'node:fs';
import { compareLogWithTree } from './compare-log';
import { TamperedLogError, type LogDifference } from './log-difference';
import { CheckpointFile, checkpointsPath } from './sqlite/checkpoint-file';
import { LogTreeFile, logTreePath } from './sqlite/log-tree-file';

/**
 * Lets the registry's own bulk writer (`npm run import`, run while the registry is stopped) append to the
 * embedded store without the tree following: the clean-stop mark is lifted, so the next start takes the new
 * events as it takes a crash's — it compares the log from its last verified leaf, hashes the rest into the tree
 * and signs a checkpoint — instead of as events appended outside the registry.
 *
 * Refused (TamperedLogError, the start's message) when the log already holds events past the last clean stop,
 * or its last leaf changed: lifting the mark then would pass someone else's appends off as the registry's.
 */
export async function admitBulkWriter(store: EventStore, dataDir: string): Promise<void> {
  if (!existsSync(checkpointsPath(dataDir))) return; // never started: nothing signed, nothing to tell apart
  const checkpoints = CheckpointFile.open(checkpointsPath(dataDir));
  try {
    const closedAt = checkpoints.state('closed');
    if (closedAt === null) return; // already as after a crash: the next start checks and catches up anyway
    let difference: LogDifference | null = null;
    if (existsSync(logTreePath(dataDir))) {
      const tree = LogTreeFile.open(logTreePath(dataDir));
      try {
        const comparison = await compareLogWithTree(store, tree, tree.size);
        difference = comparison.difference;
        if (difference === null && comparison.beyond !== null && closedAt === tree.size) {
          const { stream, revision } = comparison.beyond;
          difference = { kind: 'appended-outside', leafIndex: tree.size, stream, revision: Number(revision), closedAt };
        }
      } finally {
        tree.close();
      }
    }
    if (difference !== null) throw new TamperedLogError(difference, checkpoints.latest());
    checkpoints.setState('closed', null);
  } finally {
    checkpoints.close();
  }
}
