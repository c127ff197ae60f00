import type Database from 'better-sqlite3';

/** Where one projection stands in the global log: the last event it handled (null: none yet), and the
 * version of the code that wrote its documents. */
export interface StoredCheckpoint {
  version: number;
  position: bigint | null;
  /** The id of the event at `position`: tells a log that was replaced under the read models. */
  eventId: string | null;
}

type Row = [string, bigint, bigint | null, string | null];

/** Checkpoints live in the read-model file and are written in the same transaction as the documents. */
export class CheckpointTable {
  private readonly readAll: Database.Statement<[], Row>;
  private readonly write: Database.Statement<[string, number, bigint | null, string | null]>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name     TEXT PRIMARY KEY,
      version  INTEGER NOT NULL,
      position INTEGER,
      event_id TEXT
    )`);
    this.readAll = db.prepare<[], Row>('SELECT name, version, position, event_id FROM projection_checkpoints').raw(true).safeIntegers(true);
    this.write = db.prepare(
      `INSERT INTO projection_checkpoints (name, version, position, event_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET version = excluded.version, position = excluded.position, event_id = excluded.event_id`,
    );
  }

  load(): Map<string, StoredCheckpoint> {
    return new Map(
      this.readAll.all().map(([name, version, position, eventId]) => [name, { version: Number(version), position, eventId }]),
    );
  }

  save(name: string, checkpoint: StoredCheckpoint): void {
    this.write.run(name, checkpoint.version, checkpoint.position, checkpoint.eventId);
  }
}
