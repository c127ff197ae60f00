import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import type { EventStore, RecordedEvent } from '@registry/event-store';
import { BulkProjector } from './bulk-projector';
import { catchUp } from './catch-up';
import { REGISTRY_PROJECTIONS } from './registry/registry-projections';
import { openReadModelFile, readModelsPath } from './sqlite/read-model-file';

/** One row that differs between the read models and a rebuild of them from the log. */
export interface ReadModelDifference {
  /** `doc_<projection>` or `key_<projection>`. */
  table: string;
  /** The document id, or `name=value → id` for a key. */
  row: string;
  kind: 'missing' | 'extra' | 'different';
  stored?: string;
  rebuilt?: string;
}

export interface VerifyResult {
  /** The log position both sides were compared at. */
  position: bigint | null;
  documents: number;
  differences: ReadModelDifference[];
}

type Row = [key: string, value: string];

/**
 * Rebuilds the read models from the log into a temporary file, up to the position the live ones have reached,
 * and compares the two table by table, row by row, reporting every difference. The live file is held (locked)
 * throughout, so this runs while the registry is stopped, as `npm run rebuild` does; the running registry has
 * its background sampler instead. The temporary file is removed afterwards.
 */
export async function verifyReadModels(store: EventStore, dataDir: string): Promise<VerifyResult> {
  const livePath = readModelsPath(dataDir);
  const freshPath = `${livePath}.verify`;
  const live = openReadModelFile(livePath, 'live');
  try {
    const positions = live.prepare<[], bigint | null>('SELECT position FROM projection_checkpoints').pluck().safeIntegers(true).all();
    const position = positions.length === 0 || positions.includes(null) ? null : positions.reduce((a, b) => ((a as bigint) < (b as bigint) ? a : b));
    removeDatabase(freshPath);
    const projector = await BulkProjector.open(freshPath, REGISTRY_PROJECTIONS);
    try {
      const upTo: { apply(events: readonly RecordedEvent[]): Promise<void> } = {
        apply: (events) => projector.apply(position === null ? [] : events.filter((event) => event.position <= position)),
      };
      if (position !== null) await catchUp(store, upTo, null, 1_000);
      await projector.finish();
    } catch (error) {
      await projector.abort();
      throw error;
    }
    const fresh = new Database(freshPath, { readonly: true, fileMustExist: true });
    try {
      const differences: ReadModelDifference[] = [];
      let documents = 0;
      for (const { name } of REGISTRY_PROJECTIONS) {
        documents += compare(live, fresh, `doc_${name}`, 'SELECT id, doc FROM "doc_X" ORDER BY id', differences);
        compare(live, fresh, `key_${name}`, `SELECT name || '=' || value || ' → ' || id, '' FROM "key_X" ORDER BY name, value, id`, differences);
      }
      return { position, documents, differences };
    } finally {
      fresh.close();
    }
  } finally {
    live.close();
    removeDatabase(freshPath);
  }
}

/** Walks both tables in key order at once (no table is held in memory); returns the rows of the live one. */
function compare(live: Database.Database, fresh: Database.Database, table: string, sql: string, differences: ReadModelDifference[]): number {
  const text = sql.replace('X', table.slice(4));
  const stored = live.prepare<[], Row>(text).raw(true).iterate();
  const rebuilt = fresh.prepare<[], Row>(text).raw(true).iterate();
  let a = stored.next();
  let b = rebuilt.next();
  let rows = 0;
  for (;;) {
    if (a.done === true && b.done === true) return rows;
    // SQLite orders TEXT by its bytes (BINARY collation): compare the same way.
    const order = a.done === true ? 1 : b.done === true ? -1 : Buffer.compare(Buffer.from(a.value[0]), Buffer.from(b.value[0]));
    if (order < 0 && a.done !== true) {
      differences.push({ table, row: a.value[0], kind: 'extra', stored: a.value[1] });
      a = stored.next();
      rows += 1;
    } else if (order > 0 && b.done !== true) {
      differences.push({ table, row: b.value[0], kind: 'missing', rebuilt: b.value[1] });
      b = rebuilt.next();
    } else if (a.done !== true && b.done !== true) {
      if (a.value[1] !== b.value[1]) differences.push({ table, row: a.value[0], kind: 'different', stored: a.value[1], rebuilt: b.value[1] });
      a = stored.next();
      b = rebuilt.next();
      rows += 1;
    }
  }
}

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}
