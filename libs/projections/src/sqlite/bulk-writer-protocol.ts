import type { CheckpointChange } from '../batch-changes';
import type { ProjectionIdentity } from './projection-tables';

export interface BulkWriterOptions {
  file: string;
  projections: ProjectionIdentity[];
}

/**
 * A batch to write: its documents lie in shared slot `slot` (see SharedBatchSlot), described by `meta`;
 * `buffer` comes along whenever the slot got a new one.
 */
export interface WriteRequest {
  kind: 'write';
  seq: number;
  slot: number;
  buffer?: SharedArrayBuffer;
  meta: Int32Array;
  checkpoints: CheckpointChange[];
}

export type BulkRequest = WriteRequest | { kind: 'close' };

export type BulkReply =
  | { kind: 'ready' }
  | { kind: 'open-failed'; message: string }
  | { kind: 'written'; seq: number; slot: number }
  | { kind: 'failed'; seq: number; message: string }
  | { kind: 'closed' };
