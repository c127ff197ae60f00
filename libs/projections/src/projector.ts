import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@registry/event-store';
import { BatchFolder, type LogPoint } from './batch-folder';
import type { DocumentProjection } from './document-projection';
import type { DocumentTable } from './sqlite/document-table';
import { ProjectionTables } from './sqlite/projection-tables';

/**
 * Applies recorded events to the projections in one read-model file, a batch per transaction: documents and
 * checkpoints commit together, so after a crash each projection resumes exactly after the last event it
 * committed.
 */
export class Projector {
  private readonly tables: ProjectionTables;
  private readonly folder: BatchFolder;

  constructor(db: Database.Database, readonly projections: readonly DocumentProjection<unknown>[]) {
    this.tables = new ProjectionTables(db, projections);
    this.folder = new BatchFolder(projections, this.tables.checkpoints, {
      get: (projection, id) => {
        const json = this.tables.table(projection).get(id);
        return json === undefined ? null : (JSON.parse(json) as unknown);
      },
    });
  }

  /** The last position every projection has handled; null while one of them has handled nothing. */
  position(): bigint | null {
    return this.folder.position();
  }

  /** The furthest point any projection has reached, to check that the log still holds that event. */
  furthest(): LogPoint | null {
    return this.folder.furthest();
  }

  /** Where one projection stands: the last position it applied (null: none yet). */
  checkpoint(name: string): bigint | null {
    return this.tables.checkpoints.get(name)?.position ?? null;
  }

  /** The documents of one projection, for queries. */
  table(name: string): DocumentTable {
    return this.tables.table(name);
  }

  /** Changes whenever the projection's documents change (see ReadCache). */
  generation(name: string): number {
    return this.tables.generation(name);
  }

  /** Forgets every document and checkpoint: the next events are folded from an empty state. */
  reset(): void {
    this.tables.reset();
    this.folder.reset();
  }

  /** Folds the events, in log order, and stores the result in one transaction with the new checkpoints. */
  apply(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    const changes = this.folder.fold(events);
    this.tables.write(changes);
    this.folder.advance(changes.checkpoints);
  }
}
