import type Database from 'better-sqlite3';
import { toEventRef, toRegistryEvent, type EventRef, type RegistryEvent } from '@registry/domain';
import type { RecordedEvent } from '@registry/event-store';
import type { DocumentKey, DocumentProjection } from './document-projection';
import { CheckpointTable, type StoredCheckpoint } from './sqlite/checkpoint-table';
import { DocumentTable } from './sqlite/document-table';

/** A document as loaded at the start of a batch and as folded so far. */
interface Entry {
  before: unknown;
  doc: unknown;
}

interface Slot {
  projection: DocumentProjection<unknown>;
  table: DocumentTable;
  checkpoint: StoredCheckpoint;
  /** Documents touched by the batch being applied, by id: each is read and written once per batch. */
  pending: Map<string, Entry>;
}

/** Where the log has been read up to by every projection, and the event there. */
export interface LogPoint {
  position: bigint;
  eventId: string;
}

/**
 * Applies recorded events to the projections, a batch per transaction: documents and checkpoints commit
 * together, so after a crash each projection resumes exactly after the last event it committed. An event at
 * or below a projection's checkpoint is skipped, and the folds ignore revisions they already hold, so
 * feeding the same events twice changes nothing. One document per stream, keyed by the stream name.
 */
export class Projector {
  private readonly slots: Slot[];
  private readonly slotsByType = new Map<string, Slot[]>();
  private readonly checkpoints: CheckpointTable;
  private readonly applyBatch: (events: readonly RecordedEvent[]) => StoredCheckpoint[];

  constructor(
    private readonly db: Database.Database,
    readonly projections: readonly DocumentProjection<unknown>[],
  ) {
    const names = projections.map((projection) => projection.name);
    if (new Set(names).size !== names.length) throw new Error(`projection names must be unique: ${names.join(', ')}`);
    this.checkpoints = new CheckpointTable(db);
    const stored = this.checkpoints.load();
    this.slots = db.transaction(() =>
      projections.map((projection) => {
        const table = new DocumentTable(db, projection.name);
        let checkpoint = stored.get(projection.name);
        if (checkpoint === undefined || checkpoint.version !== projection.version) {
          // Documents written by another version of the fold would mix two shapes: start this one over.
          table.clear();
          checkpoint = { version: projection.version, position: null, eventId: null };
          this.checkpoints.save(projection.name, checkpoint);
        }
        return { projection, table, checkpoint, pending: new Map<string, Entry>() };
      }),
    )();
    for (const slot of this.slots) {
      for (const type of slot.projection.eventTypes) {
        const list = this.slotsByType.get(type) ?? [];
        list.push(slot);
        this.slotsByType.set(type, list);
      }
    }
    this.applyBatch = db.transaction((events: readonly RecordedEvent[]) => this.fold(events));
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

  /** The furthest point any projection has reached, to check that the log still holds that event. */
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

  /** The documents of one projection, for queries. */
  table(name: string): DocumentTable {
    const slot = this.slots.find((candidate) => candidate.projection.name === name);
    if (slot === undefined) throw new Error(`no projection named ${name}`);
    return slot.table;
  }

  /** Forgets every document and checkpoint: the next events are folded from an empty state. */
  reset(): void {
    this.db.transaction(() => {
      for (const slot of this.slots) {
        slot.table.clear();
        slot.checkpoint = { version: slot.projection.version, position: null, eventId: null };
        this.checkpoints.save(slot.projection.name, slot.checkpoint);
      }
    })();
  }

  /** Folds the events, in log order, in one transaction with the new checkpoints. */
  apply(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    try {
      const checkpoints = this.applyBatch(events);
      // Only once committed: a rolled-back batch leaves the checkpoints where the file has them.
      this.slots.forEach((slot, index) => {
        slot.checkpoint = checkpoints[index];
      });
    } finally {
      for (const slot of this.slots) slot.pending.clear();
    }
  }

  private fold(events: readonly RecordedEvent[]): StoredCheckpoint[] {
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
        const entry = this.entry(slot, recorded.stream);
        entry.doc = slot.projection.evolve(entry.doc, event, ref);
      }
    }
    for (const slot of this.slots) this.flush(slot);
    const last = events[events.length - 1];
    return this.slots.map(({ projection, checkpoint }) => {
      if (checkpoint.position !== null && last.position <= checkpoint.position) return checkpoint;
      const next = { version: projection.version, position: last.position, eventId: last.id };
      this.checkpoints.save(projection.name, next);
      return next;
    });
  }

  private entry(slot: Slot, id: string): Entry {
    let entry = slot.pending.get(id);
    if (entry === undefined) {
      const json = slot.table.get(id);
      const before: unknown = json === undefined ? null : JSON.parse(json);
      entry = { before, doc: before };
      slot.pending.set(id, entry);
    }
    return entry;
  }

  private flush({ projection, table, pending }: Slot): void {
    for (const [id, { before, doc }] of pending) {
      if (doc === before) continue;
      if (doc === null) {
        table.delete(id);
        continue;
      }
      table.put(id, JSON.stringify(doc));
      if (projection.keys === undefined) continue;
      const keys = projection.keys(doc);
      if (before === null || !sameKeys(projection.keys(before), keys)) table.replaceKeys(id, keys);
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
