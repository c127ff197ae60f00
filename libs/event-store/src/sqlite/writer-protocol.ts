import type { ActualRevision, ExpectedRevision } from '../event-store';

/** Messages between the store (main thread) and its writer worker. Bigints cross by structured clone. */

/** An event already serialised on the caller's thread, so a bad payload fails its own append only. */
export interface EncodedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

export interface AppendRequest {
  stream: string;
  expected: ExpectedRevision;
  events: EncodedEvent[];
}

/** Appends to several streams that commit together or not at all (a savepoint within the batch). */
export interface AtomicAppendRequest {
  atomic: AppendRequest[];
}

export type CommitMember = AppendRequest | AtomicAppendRequest;

export type AppendOutcome =
  | { kind: 'appended'; nextRevision: bigint; position: bigint }
  /** The same ids were already recorded at that place: the original result, nothing written. */
  | { kind: 'already-appended'; nextRevision: bigint; position: bigint }
  | { kind: 'conflict'; actual: ActualRevision };

export type AtomicAppendOutcome =
  | { kind: 'all-appended'; outcomes: AppendOutcome[] }
  /** The `index`-th append found its stream elsewhere: nothing of the group was written. */
  | { kind: 'group-conflict'; index: number; actual: ActualRevision };

export type MemberOutcome = AppendOutcome | AtomicAppendOutcome;

export function isAtomic(member: CommitMember): member is AtomicAppendRequest {
  return 'atomic' in member;
}

export interface WriterOptions {
  dataDir: string;
}

export type WriterRequest = { kind: 'commit'; batch: number; appends: CommitMember[] } | { kind: 'close' };

export type WriterReply =
  | { kind: 'ready'; lastPosition: bigint }
  | { kind: 'open-failed'; message: string }
  /** Every outcome of the batch, in request order, after one durable COMMIT. */
  | { kind: 'committed'; batch: number; outcomes: MemberOutcome[] }
  /** The whole transaction rolled back (disk full, I/O error): nothing of the batch was written. */
  | { kind: 'batch-failed'; batch: number; message: string }
  | { kind: 'closed' };
