import Database from 'better-sqlite3';

export interface ReadModelDump {
  checkpoints: unknown[];
  tables: Record<string, unknown[]>;
}

/** Every checkpoint, document and key of a closed read-model file, in a stable order, for comparisons. */
export function dumpReadModels(file: string): ReadModelDump {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const names = db
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'doc\\_%' ESCAPE '\\' OR name LIKE 'key\\_%' ESCAPE '\\') ORDER BY name")
      .pluck()
      .all();
    const tables: Record<string, unknown[]> = {};
    for (const name of names) {
      const order = name.startsWith('doc_') ? 'id' : 'name, value, id';
      tables[name] = db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).raw(true).safeIntegers(true).all();
    }
    const checkpoints = db.prepare('SELECT * FROM projection_checkpoints ORDER BY name').raw(true).safeIntegers(true).all();
    return { checkpoints, tables };
  } finally {
    db.close();
  }
}
