import type { DocumentKey } from '../document-projection';
import type { ProjectionIdentity } from './projection-tables';

export interface BulkWriterOptions {
  file: string;
  projections: ProjectionIdentity[];
}

/** A batch flattened for the thread boundary: arrays of strings cross it far cheaper than objects.
 * `documents` holds triplets (projection, id, JSON or null); `keys` points at a triplet by its index. */
export interface EncodedBatch {
  documents: (string | null)[];
  keys: [triplet: number, keys: DocumentKey[]][];
  checkpoints: [projection: string, version: number, position: bigint, eventId: string][];
}

export type BulkRequest = { kind: 'write'; seq: number; batch: EncodedBatch } | { kind: 'close' };

export type BulkReply =
  | { kind: 'ready' }
  | { kind: 'open-failed'; message: string }
  | { kind: 'written'; seq: number }
  | { kind: 'failed'; seq: number; message: string }
  | { kind: 'closed' };
