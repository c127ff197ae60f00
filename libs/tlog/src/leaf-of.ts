import { canonicalEventBytes } from '@registry/domain/log/canonical-event';
import { recordedAtOf } from '@registry/domain/record-time/log-clock';
import type { RecordedEvent } from '@registry/event-store';
import { hashLeaf } from './merkle';
import type { TreeLeaf } from './sqlite/log-tree-file';

/** The tree's leaf for a recorded event: the hash of its canonical bytes, and where it was found. */
export function leafOf(event: RecordedEvent): TreeLeaf {
  const { position, stream } = event;
  return { hash: hashLeaf(canonicalEventBytes(event)), position, stream, revision: Number(event.revision), recordedAt: recordedAtOf(event.metadata) };
}
