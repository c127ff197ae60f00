import type { DocumentKey } from './document-projection';
import type { StoredCheckpoint } from './sqlite/checkpoint-table';

/** One document as a batch leaves it. */
export interface DocumentChange {
  projection: string;
  id: string;
  /** The new JSON; null removes the document. */
  json: string | null;
  /** The document's keys when they changed; null when they did not. */
  keys: readonly DocumentKey[] | null;
}

export interface CheckpointChange {
  projection: string;
  checkpoint: StoredCheckpoint;
}

/** What one batch of events changes in the read models: written in one transaction, checkpoints included. */
export interface BatchChanges {
  documents: DocumentChange[];
  checkpoints: CheckpointChange[];
}
