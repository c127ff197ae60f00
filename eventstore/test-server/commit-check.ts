/**
 * The decision EventStoreDB takes before writing an append: write it, acknowledge it as a repeat of
 * events already written (idempotent append), or refuse it as a wrong expected version.
 * Mirrors the server's commit check: with `any`/`stream_exists` the event ids are looked up anywhere
 * in the stream; with an explicit revision (or `no_stream`) they must sit right after that revision.
 */

export type ExpectedState =
  | { kind: 'any' }
  | { kind: 'no_stream' }
  | { kind: 'stream_exists' }
  | { kind: 'revision'; revision: bigint };

export interface StreamView {
  /** Last revision, or -1n when the stream does not exist. */
  readonly lastRevision: bigint;
  revisionOfId(id: string): bigint | undefined;
  idAt(revision: bigint): string | undefined;
}

export type CommitDecision =
  | { kind: 'write' }
  | { kind: 'idempotent'; lastRevision: bigint }
  | { kind: 'wrong_expected_version' };

const NO_STREAM = -1n;

export function checkCommit(stream: StreamView, expected: ExpectedState, ids: readonly string[]): CommitDecision {
  switch (expected.kind) {
    case 'stream_exists':
      if (stream.lastRevision < 0n) return { kind: 'wrong_expected_version' };
      return checkIdsAnywhere(stream, ids);
    case 'any':
      return checkIdsAnywhere(stream, ids);
    case 'no_stream':
      return checkIdsAfter(stream, NO_STREAM, ids);
    case 'revision':
      return checkIdsAfter(stream, expected.revision, ids);
    default: {
      const unreachable: never = expected;
      throw new Error(`unknown expected state ${String(unreachable)}`);
    }
  }
}

function checkIdsAnywhere(stream: StreamView, ids: readonly string[]): CommitDecision {
  let lastRevision: bigint | undefined;
  for (const [index, id] of ids.entries()) {
    const revision = stream.revisionOfId(id);
    if (revision === undefined) {
      // A retry that matches only in part is not a retry: the server calls it corrupted idempotency.
      return index === 0 ? { kind: 'write' } : { kind: 'wrong_expected_version' };
    }
    lastRevision = revision;
  }
  return lastRevision === undefined ? { kind: 'write' } : { kind: 'idempotent', lastRevision };
}

function checkIdsAfter(stream: StreamView, expected: bigint, ids: readonly string[]): CommitDecision {
  if (expected > stream.lastRevision) return { kind: 'wrong_expected_version' };
  if (expected === stream.lastRevision) return { kind: 'write' };
  if (ids.length === 0) return { kind: 'wrong_expected_version' };
  let revision = expected;
  for (const id of ids) {
    revision += 1n;
    if (stream.idAt(revision) !== id) return { kind: 'wrong_expected_version' };
  }
  return { kind: 'idempotent', lastRevision: revision };
}
