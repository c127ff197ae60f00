import Database from 'better-sqlite3';
import type { JsonObject, JsonValue, RecordedEvent, SubscriptionFilter } from '../event-store';
import { eventsFilePath, prepareReaderConnection } from './schema';

/** Column order of every read: statements run in raw mode (arrays, not objects) to save per-row work. */
const COLUMNS = 'position, stream, revision, id, type, data, metadata, recorded_at';
type Row = [bigint, string, bigint, string, string, string, string, bigint];

/** SQLite's "no limit". */
const UNLIMITED = -1;

function toEvent(row: Row): RecordedEvent {
  return {
    id: row[3],
    type: row[4],
    data: JSON.parse(row[5]) as JsonValue,
    metadata: JSON.parse(row[6]) as JsonObject,
    stream: row[1],
    revision: row[2],
    position: row[0],
    recordedAt: new Date(Number(row[7])),
  };
}

/**
 * Reads on the main thread through their own connection: WAL lets them run while the writer commits,
 * and each statement sees a consistent snapshot.
 */
export class EventReader {
  private readonly db: Database.Database;
  private readonly streamForwards: Database.Statement<[string, bigint, number], Row>;
  private readonly streamBackwards: Database.Statement<[string, bigint, number], Row>;
  private readonly streamsForwards: Database.Statement<[string], Row>;
  private readonly allForwards: Database.Statement<[bigint, number], Row>;
  private readonly allBackwards: Database.Statement<[bigint, number], Row>;
  private readonly filtered = new Map<string, Database.Statement<unknown[], Row>>();

  constructor(dataDir: string) {
    this.db = new Database(eventsFilePath(dataDir), { fileMustExist: true });
    prepareReaderConnection(this.db);
    const read = <P extends unknown[]>(sql: string): Database.Statement<P, Row> =>
      this.db.prepare<P, Row>(`SELECT ${COLUMNS} FROM events ${sql}`).raw(true).safeIntegers(true);
    this.streamForwards = read('WHERE stream = ? AND revision >= ? ORDER BY revision ASC LIMIT ?');
    this.streamBackwards = read('WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?');
    // The streams as a JSON array, so one prepared statement serves any number of them.
    this.streamsForwards = read('WHERE stream IN (SELECT value FROM json_each(?)) ORDER BY stream, revision ASC');
    this.allForwards = read('WHERE position >= ? ORDER BY position ASC LIMIT ?');
    this.allBackwards = read('WHERE position < ? ORDER BY position DESC LIMIT ?');
  }

  streamFrom(stream: string, fromRevision: bigint, direction: 'forwards' | 'backwards', maxCount?: number): RecordedEvent[] {
    const statement = direction === 'forwards' ? this.streamForwards : this.streamBackwards;
    return statement.all(stream, fromRevision, maxCount ?? UNLIMITED).map(toEvent);
  }

  /** Every event of the streams named, grouped by stream in the order named: one statement for them all. */
  streams(names: readonly string[]): RecordedEvent[][] {
    const index = new Map<string, number>();
    const read: RecordedEvent[][] = [];
    for (const name of names) {
      if (!index.has(name)) index.set(name, index.size);
    }
    for (let i = 0; i < index.size; i += 1) read.push([]);
    for (const row of this.streamsForwards.all(JSON.stringify([...index.keys()]))) read[index.get(row[1])!].push(toEvent(row));
    return names.map((name) => read[index.get(name)!]);
  }

  allFrom(fromPosition: bigint, direction: 'forwards' | 'backwards', maxCount?: number): RecordedEvent[] {
    const statement = direction === 'forwards' ? this.allForwards : this.allBackwards;
    return statement.all(fromPosition, maxCount ?? UNLIMITED).map(toEvent);
  }

  /** Events with `after < position <= upTo` that pass the filter, in position order, at most `limit`. */
  allAfter(after: bigint, upTo: bigint, filter: SubscriptionFilter | undefined, limit: number): RecordedEvent[] {
    const types = nonEmpty(filter?.eventTypePrefixes);
    const streams = nonEmpty(filter?.streamNamePrefixes);
    return this.filteredStatement(types.length, streams.length)
      .all(after, upTo, ...types, ...streams, limit)
      .map(toEvent);
  }

  lastPosition(): bigint {
    const row = this.db.prepare('SELECT max(position) FROM events').pluck().safeIntegers(true).get() as bigint | null;
    return row ?? 0n;
  }

  close(): void {
    this.db.close();
  }

  /** One prepared statement per filter shape (how many prefixes of each kind), reused by every subscriber. */
  private filteredStatement(typeCount: number, streamCount: number): Database.Statement<unknown[], Row> {
    const key = `${typeCount}:${streamCount}`;
    let statement = this.filtered.get(key);
    if (statement === undefined) {
      // instr(x, p) = 1 is "x starts with p" without LIKE's wildcards or case folding.
      const anyPrefix = (column: string, count: number): string[] =>
        count === 0 ? [] : [`(${Array.from({ length: count }, () => `instr(${column}, ?) = 1`).join(' OR ')})`];
      const conditions = ['position > ?', 'position <= ?', ...anyPrefix('type', typeCount), ...anyPrefix('stream', streamCount)];
      statement = this.db
        .prepare<unknown[], Row>(`SELECT ${COLUMNS} FROM events WHERE ${conditions.join(' AND ')} ORDER BY position ASC LIMIT ?`)
        .raw(true)
        .safeIntegers(true);
      this.filtered.set(key, statement);
    }
    return statement;
  }
}

function nonEmpty(prefixes: string[] | undefined): string[] {
  return prefixes ?? [];
}
