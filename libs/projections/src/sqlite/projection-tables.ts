import type Database from 'better-sqlite3';
import type { BatchChanges } from '../batch-changes';
import { CheckpointTable, type StoredCheckpoint } from './checkpoint-table';
import { DocumentTable } from './document-table';

/** What storage needs to know of a projection. */
export interface ProjectionIdentity {
  name: string;
  version: number;
}

/**
 * The projections' tables in one read-model file. Opening them empties any projection whose stored version
 * differs from the code's, so documents of two shapes never mix.
 */
export class ProjectionTables {
  readonly documents = new Map<string, DocumentTable>();
  readonly checkpoints: Map<string, StoredCheckpoint>;
  /** Per projection, how many committed batches changed its documents: lets readers cache parsed ones. */
  private readonly generations = new Map<string, number>();
  private readonly checkpointTable: CheckpointTable;
  private readonly writeInTransaction: (changes: BatchChanges) => void;

  constructor(
    private readonly db: Database.Database,
    projections: readonly ProjectionIdentity[],
  ) {
    this.checkpointTable = new CheckpointTable(db);
    const stored = this.checkpointTable.load();
    this.checkpoints = new Map();
    db.transaction(() => {
      for (const { name, version } of projections) {
        const table = new DocumentTable(db, name);
        this.documents.set(name, table);
        let checkpoint = stored.get(name);
        if (checkpoint === undefined || checkpoint.version !== version) {
          table.clear();
          checkpoint = { version, position: null, eventId: null };
          this.checkpointTable.save(name, checkpoint);
        }
        this.checkpoints.set(name, checkpoint);
      }
    })();
    this.writeInTransaction = db.transaction((changes: BatchChanges) => this.writeNow(changes));
  }

  table(name: string): DocumentTable {
    const table = this.documents.get(name);
    if (table === undefined) throw new Error(`no projection named ${name}`);
    return table;
  }

  /** Writes a batch's documents and checkpoints in one transaction. */
  write(changes: BatchChanges): void {
    this.writeInTransaction(changes);
    for (const { projection, checkpoint } of changes.checkpoints) this.checkpoints.set(projection, checkpoint);
    for (const projection of new Set(changes.documents.map((change) => change.projection))) this.bump(projection);
  }

  /** Changes whenever a committed batch changed the projection's documents. */
  generation(name: string): number {
    return this.generations.get(name) ?? 0;
  }

  /** Empties every projection and sets its checkpoint back to nothing. */
  reset(): void {
    this.db.transaction(() => {
      for (const [name, table] of this.documents) {
        table.clear();
        const checkpoint = { version: this.checkpoints.get(name)?.version ?? 1, position: null, eventId: null };
        this.checkpointTable.save(name, checkpoint);
        this.checkpoints.set(name, checkpoint);
        this.bump(name);
      }
    })();
  }

  private bump(name: string): void {
    this.generations.set(name, this.generation(name) + 1);
  }

  private writeNow({ documents, checkpoints }: BatchChanges): void {
    for (const { projection, id, json, keys } of documents) {
      const table = this.table(projection);
      if (json === null) {
        table.delete(id);
        continue;
      }
      table.put(id, json);
      if (keys !== null) table.replaceKeys(id, keys);
    }
    for (const { projection, checkpoint } of checkpoints) this.checkpointTable.save(projection, checkpoint);
  }
}
