import { toEventRef, toRegistryEvent, type EventRef, type RegistryEvent } from '@registry/domain';
import type { RecordedEvent } from '@registry/event-store';
import type { BatchChanges, CheckpointChange, DocumentChange } from './batch-changes';
import type { DocumentKey, DocumentProjection } from './document-projection';
import type { StoredCheckpoint } from './sqlite/checkpoint-table';

/** Where the folder reads a document it has not touched in the current batch. */
export interface DocumentSource {
  /** The stored document, parsed; null when there is none. */
  get(projection: string, id: string): unknown;
}

/** Where the log has been read up to, and the event there. */
export interface LogPoint {
  position: bigint;
  eventId: string;
}

interface Entry {
  before: unknown;
  doc: unknown;
}

interface Slot {
  projection: DocumentProjection<unknown>;
  checkpoint: StoredCheckpoint;
  /** Documents touched by the batch being folded, by id: each is read and written once per batch. */
  pending: Map<string, Entry>;
}

/**
 * Folds recorded events into document changes, one document per stream keyed by the stream name. An event
 * at or below a projection's checkpoint is skipped, and the folds ignore revisions they already hold, so
 * feeding the same events twice changes nothing. Pure apart from reading stored documents: storing the
 * changes, and then calling `advance`, is the caller's job.
 */
export class BatchFolder {
  private readonly slots: Slot[];
  private readonly slotsByType = new Map<string, Slot[]>();

  constructor(
    projections: readonly DocumentProjection<unknown>[],
    checkpoints: ReadonlyMap<string, StoredCheckpoint>,
    private readonly source: DocumentSource,
  ) {
    const names = projections.map((projection) => projection.name);
    if (new Set(names).size !== names.length) throw new Error(`projection names must be unique: ${names.join(', ')}`);
    this.slots = projections.map((projection) => ({
      projection,
      checkpoint: checkpoints.get(projection.name) ?? { version: projection.version, position: null, eventId: null },
      pending: new Map<string, Entry>(),
    }));
    for (const slot of this.slots) {
      for (const type of slot.projection.eventTypes) {
        const list = this.slotsByType.get(type) ?? [];
        list.push(slot);
        this.slotsByType.set(type, list);
      }
    }
  }

  /** The last position every projection has handled; null while one of them has handled nothing. */
  position(): bigint | null {
    let lowest: bigint | null = null;
    for (const { checkpoint } of this.slots) {
      if (checkpoint.position === null) return null;
      if (lowest === null || checkpoint.position < lowest) lowest = checkpoint.position;
    }
    return lowest;
  }

  /** The furthest point any projection has reached. */
  furthest(): LogPoint | null {
    let furthest: LogPoint | null = null;
    for (const { checkpoint } of this.slots) {
      if (checkpoint.position === null || checkpoint.eventId === null) continue;
      if (furthest === null || checkpoint.position > furthest.position) {
        furthest = { position: checkpoint.position, eventId: checkpoint.eventId };
      }
    }
    return furthest;
  }

  /** Takes the checkpoints of a batch once it is stored. */
  advance(checkpoints: readonly CheckpointChange[]): void {
    for (const { projection, checkpoint } of checkpoints) {
      const slot = this.slots.find((candidate) => candidate.projection.name === projection);
      if (slot !== undefined) slot.checkpoint = checkpoint;
    }
  }

  /** Back to no checkpoint at all, for storage that was emptied. */
  reset(): void {
    for (const slot of this.slots) slot.checkpoint = { version: slot.projection.version, position: null, eventId: null };
  }

  /** Folds the events, in log order, into the changes of one batch. */
  fold(events: readonly RecordedEvent[]): BatchChanges {
    try {
      for (const recorded of events) {
        const slots = this.slotsByType.get(recorded.type);
        if (slots === undefined) continue;
        let event: RegistryEvent | undefined;
        let ref: EventRef | undefined;
        for (const slot of slots) {
          const { checkpoint } = slot;
          if (checkpoint.position !== null && recorded.position <= checkpoint.position) continue;
          event ??= toRegistryEvent(recorded.type, schemaVersionOf(recorded), recorded.data);
          ref ??= toEventRef(recorded);
          const entry = this.entry(slot, recorded.stream, ref.revision);
          entry.doc = slot.projection.evolve(entry.doc, event, ref);
        }
      }
      const documents: DocumentChange[] = [];
      for (const slot of this.slots) this.collect(slot, documents);
      return { documents, checkpoints: this.checkpointsAfter(events) };
    } finally {
      for (const slot of this.slots) slot.pending.clear();
    }
  }

  private checkpointsAfter(events: readonly RecordedEvent[]): CheckpointChange[] {
    if (events.length === 0) return [];
    const last = events[events.length - 1];
    const changes: CheckpointChange[] = [];
    for (const { projection, checkpoint } of this.slots) {
      if (checkpoint.position !== null && last.position <= checkpoint.position) continue;
      changes.push({ projection: projection.name, checkpoint: { version: projection.version, position: last.position, eventId: last.id } });
    }
    return changes;
  }

  private entry(slot: Slot, id: string, revision: number): Entry {
    let entry = slot.pending.get(id);
    if (entry === undefined) {
      // A stream's first event finds no document: nothing to look up. (Were one stored, from a replay behind
      // a lagging checkpoint, every later event of the stream is replayed after this one and rebuilds it.)
      const before = revision === 0 ? null : this.source.get(slot.projection.name, id);
      entry = { before, doc: before };
      slot.pending.set(id, entry);
    }
    return entry;
  }

  private collect({ projection, pending }: Slot, documents: DocumentChange[]): void {
    for (const [id, { before, doc }] of pending) {
      if (doc === before) continue;
      if (doc === null) {
        documents.push({ projection: projection.name, id, json: null, keys: null });
        continue;
      }
      const json = JSON.stringify(doc);
      if (projection.keys === undefined) {
        documents.push({ projection: projection.name, id, json, keys: null });
        continue;
      }
      const keys = projection.keys(doc);
      const changed = before === null || !sameKeys(projection.keys(before), keys);
      documents.push({ projection: projection.name, id, json, keys: changed ? keys : null });
    }
  }
}

/** The schema version the writer recorded in the metadata; absent on events older than versioning. */
function schemaVersionOf(recorded: RecordedEvent): number | undefined {
  const version = recorded.metadata.schemaVersion;
  return typeof version === 'number' ? version : undefined;
}

function sameKeys(a: readonly DocumentKey[], b: readonly DocumentKey[]): boolean {
  return a.length === b.length && a.every(([name, value], index) => b[index][0] === name && b[index][1] === value);
}
