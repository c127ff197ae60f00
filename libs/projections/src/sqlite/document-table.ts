import type Database from 'better-sqlite3';
import type { DocumentKey } from '../document-projection';

/** A document and its id (the stream it folds), for keyset pages. */
export type KeyedDocument = { id: string; doc: string };

/**
 * One projection's documents (`doc_<name>`: id → JSON) and lookup keys (`key_<name>`: name, value → id),
 * with the statements prepared once. Documents stay JSON text in SQLite, not in memory: a million
 * certificates cost disk pages, and the process holds only what a query or a batch touches.
 */
export class DocumentTable {
  private readonly getDoc: Database.Statement<[string], string>;
  private readonly putDoc: Database.Statement<[string, string]>;
  private readonly deleteDoc: Database.Statement<[string]>;
  private readonly deleteKeys: Database.Statement<[string]>;
  private readonly insertKey: Database.Statement<[string, string, string]>;
  private readonly byKey: Database.Statement<[string, string, number], string>;
  private readonly byKeyValues = new Map<number, Database.Statement<unknown[], string>>();
  private readonly all: Database.Statement<[number], string>;
  private readonly pageAll: Database.Statement<[string, number], KeyedDocument>;
  private readonly pageByKey: Database.Statement<[string, string, string, number], KeyedDocument>;
  private readonly countByKey: Database.Statement<[string, string], number>;
  private readonly countDocs: Database.Statement<[], number>;
  private readonly randomIds: Database.Statement<[number], string>;

  constructor(
    private readonly db: Database.Database,
    readonly name: string,
  ) {
    createTables(db, name);
    const docs = `"doc_${name}"`;
    const keys = `"key_${name}"`;
    this.getDoc = db.prepare<[string], string>(`SELECT doc FROM ${docs} WHERE id = ?`).pluck();
    this.putDoc = db.prepare(`INSERT INTO ${docs} (id, doc) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc`);
    this.deleteDoc = db.prepare(`DELETE FROM ${docs} WHERE id = ?`);
    this.deleteKeys = db.prepare(`DELETE FROM ${keys} WHERE id = ?`);
    this.insertKey = db.prepare(`INSERT OR IGNORE INTO ${keys} (name, value, id) VALUES (?, ?, ?)`);
    this.byKey = db
      .prepare<[string, string, number], string>(
        `SELECT d.doc FROM ${keys} k JOIN ${docs} d ON d.id = k.id WHERE k.name = ? AND k.value = ? ORDER BY k.id LIMIT ?`,
      )
      .pluck();
    this.all = db.prepare<[number], string>(`SELECT doc FROM ${docs} ORDER BY id LIMIT ?`).pluck();
    // Keyset pages: a seek in the primary key (or the key table's), then `limit` rows; no offset, no scan.
    this.pageAll = db.prepare<[string, number], KeyedDocument>(`SELECT id, doc FROM ${docs} WHERE id > ? ORDER BY id LIMIT ?`);
    this.pageByKey = db.prepare<[string, string, string, number], KeyedDocument>(
      `SELECT d.id, d.doc FROM ${keys} k JOIN ${docs} d ON d.id = k.id WHERE k.name = ? AND k.value = ? AND k.id > ? ORDER BY k.id LIMIT ?`,
    );
    this.countByKey = db.prepare<[string, string], number>(`SELECT count(*) FROM ${keys} WHERE name = ? AND value = ?`).pluck();
    this.countDocs = db.prepare<[], number>(`SELECT count(*) FROM ${docs}`).pluck();
    // From a random rowid onwards: no scan of the table, whatever its size.
    this.randomIds = db
      .prepare<[number], string>(`SELECT id FROM ${docs} WHERE rowid >= (abs(random()) % (SELECT coalesce(max(rowid), 0) + 1 FROM ${docs})) LIMIT ?`)
      .pluck();
  }

  get(id: string): string | undefined {
    return this.getDoc.get(id);
  }

  /** Documents carrying the key, in id order, at most `limit`. */
  findByKey(name: string, value: string, limit: number): string[] {
    return this.byKey.all(name, value, limit);
  }

  /** Documents carrying the key with any of `values`, each once, in id order, at most `limit`. */
  findByAnyKey(name: string, values: readonly string[], limit: number): string[] {
    if (values.length === 0) return [];
    if (values.length === 1) return this.findByKey(name, values[0], limit);
    return this.anyKeyStatement(values.length).all(name, ...values, limit);
  }

  list(limit: number): string[] {
    return this.all.all(limit);
  }

  /** Documents (with their ids) after `afterId` (from the first when null), in id order, at most `limit`. */
  listAfter(afterId: string | null, limit: number): KeyedDocument[] {
    return this.pageAll.all(afterId ?? '', limit);
  }

  /** Documents (with their ids) carrying the key, after `afterId` (from the first when null), in id order, at most `limit`. */
  findByKeyAfter(name: string, value: string, afterId: string | null, limit: number): KeyedDocument[] {
    return this.pageByKey.all(name, value, afterId ?? '', limit);
  }

  /** How many documents carry the key: counted in the key index, no document read. */
  countWithKey(name: string, value: string): number {
    return this.countByKey.get(name, value) ?? 0;
  }

  /** Up to `count` ids from a random place in the table, for sampling. */
  sampleIds(count: number): string[] {
    return this.randomIds.all(count);
  }

  count(): number {
    return this.countDocs.get() ?? 0;
  }

  put(id: string, doc: string): void {
    this.putDoc.run(id, doc);
  }

  delete(id: string): void {
    this.deleteDoc.run(id);
    this.deleteKeys.run(id);
  }

  replaceKeys(id: string, keys: readonly DocumentKey[]): void {
    this.deleteKeys.run(id);
    for (const [name, value] of keys) this.insertKey.run(name, value, id);
  }

  /** Empties both tables, for a projection whose version changed. */
  clear(): void {
    this.db.exec(`DELETE FROM "doc_${this.name}"; DELETE FROM "key_${this.name}";`);
  }

  private anyKeyStatement(count: number): Database.Statement<unknown[], string> {
    let statement = this.byKeyValues.get(count);
    if (statement === undefined) {
      const docs = `"doc_${this.name}"`;
      const keys = `"key_${this.name}"`;
      const placeholders = Array.from({ length: count }, () => '?').join(', ');
      statement = this.db
        .prepare<unknown[], string>(
          `SELECT d.doc FROM ${docs} d WHERE d.id IN (SELECT k.id FROM ${keys} k WHERE k.name = ? AND k.value IN (${placeholders})) ORDER BY d.id LIMIT ?`,
        )
        .pluck();
      this.byKeyValues.set(count, statement);
    }
    return statement;
  }
}

function createTables(db: Database.Database, name: string): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS "doc_${name}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS "key_${name}" (
      name  TEXT NOT NULL,
      value TEXT NOT NULL,
      id    TEXT NOT NULL,
      PRIMARY KEY (name, value, id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS "key_${name}_by_id" ON "key_${name}" (id);
  `);
}
