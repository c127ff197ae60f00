/** Where the log first disagrees with what the registry hashed and signed. */
export type LogDifference =
  | { kind: 'changed'; leafIndex: number; stream: string; revision: number }
  | { kind: 'displaced'; leafIndex: number; stream: string; revision: number; found: { stream: string; revision: number } }
  | { kind: 'missing'; leafIndex: number; stream: string; revision: number }
  | { kind: 'appended-outside'; leafIndex: number; stream: string; revision: number; closedAt: number }
  | { kind: 'root'; treeSize: number; fromLeaf: number };

/** One plain sentence naming the first leaf that differs. */
export function describeDifference(difference: LogDifference): string {
  switch (difference.kind) {
    case 'changed':
      return `leaf ${difference.leafIndex} (stream ${difference.stream}, revision ${difference.revision}) was changed: its bytes no longer hash to the signed leaf`;
    case 'displaced':
      return (
        `leaf ${difference.leafIndex} should be stream ${difference.stream}, revision ${difference.revision}, but the log holds ` +
        `stream ${difference.found.stream}, revision ${difference.found.revision} there: an event was deleted, inserted or moved`
      );
    case 'missing':
      return `leaf ${difference.leafIndex} (stream ${difference.stream}, revision ${difference.revision}) is missing: the log ends before it`;
    case 'appended-outside':
      return (
        `leaf ${difference.leafIndex} (stream ${difference.stream}, revision ${difference.revision}) was appended outside the registry: ` +
        `it stopped cleanly with ${difference.closedAt} leaves`
      );
    case 'root':
      return `the log's first ${difference.treeSize} events do not hash to the root signed for them: a leaf from ${difference.fromLeaf} to ${difference.treeSize - 1} differs`;
    default: {
      const never: never = difference;
      return never;
    }
  }
}

/** What an operator is told about the last checkpoint signed: its size, root and time. */
export interface SignedPoint {
  treeSize: number;
  rootHash: Buffer;
  signedAt: string;
}

export function describeCheckpoint(checkpoint: SignedPoint | null): string {
  return checkpoint === null
    ? 'no checkpoint was signed yet'
    : `the last checkpoint this registry signed covers ${checkpoint.treeSize} events (root ${checkpoint.rootHash.toString('base64')}, signed ${checkpoint.signedAt})`;
}

const ADOPT =
  'If this log is meant to replace the one signed (a restored backup, a store rebuilt on purpose), stop the registry and adopt it with ' +
  '`npm run adopt-log -- --i-understand` (README, Operations)';

/** Start-up refused: the log was altered, or lost events, after the registry signed it. */
export class TamperedLogError extends Error {
  override readonly name = 'TamperedLogError';

  constructor(
    readonly difference: LogDifference,
    readonly checkpoint: SignedPoint | null = null,
  ) {
    super(
      `The event log was altered after the registry signed it: ${describeDifference(difference)}; ${describeCheckpoint(checkpoint)}` +
        (difference.kind === 'missing' ? `, and the log now holds ${difference.leafIndex} events` : '') +
        '. Restore the data directory from a backup, or start with --allow-tampered-log to serve it with every answer flagged as tampered ' +
        `(npm run verify-log checks it without starting). ${ADOPT}.`,
    );
  }
}

/** At run time: the store answers with a log that no longer holds what the registry hashed and signed (a
 * server that lost its data, another log on the same address). Writes and reads are refused from then on. */
export class LogDivergedError extends Error {
  override readonly name = 'LogDivergedError';

  constructor(
    readonly checkpoint: SignedPoint | null,
    /** Leaves the registry had hashed. */
    readonly treeSize: number,
    /** What the log holds now, in words. */
    readonly holds: string,
  ) {
    super(
      `The event log no longer holds what this registry signed: ${describeCheckpoint(checkpoint)} (${treeSize} hashed), ` +
        `but the log now holds ${holds}. Writes and reads are refused. Bring back the store's data, or: ${ADOPT}.`,
    );
  }
}
