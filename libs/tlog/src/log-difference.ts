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

/** Start-up refused: the log was altered after the registry signed it. */
export class TamperedLogError extends Error {
  override readonly name = 'TamperedLogError';

  constructor(readonly difference: LogDifference) {
    super(
      `The event log was altered after the registry signed it: ${describeDifference(difference)}. ` +
        'Restore the data directory from a backup, or start with --allow-tampered-log to serve it with every answer flagged as tampered ' +
        '(npm run verify-log checks it without starting).',
    );
  }
}
