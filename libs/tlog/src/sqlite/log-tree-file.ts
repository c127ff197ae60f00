import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { advanceLogClock } from '@registry/domain/record-time/log-clock';
import { CompactRange, consistencyProof, inclusionProof, peakSizes, treeRoot, type PerfectSubtrees } from '../merkle';

/** The Merkle tree over the log, beside it in the data directory: derived data, rebuilt from the log when
 * missing (and then checked against the signed checkpoints, which live in a file of their own). */
export const LOG_TREE_FILE = 'log-tree.sqlite3';

export function logTreePath(dataDir: string): string {
  return join(dataDir, LOG_TREE_FILE);
}

/** One leaf: its hash and where its event was when it was hashed (to name it when the log no longer agrees). */
export interface TreeLeaf {
  hash: Buffer;
  position: bigint;
  stream: string;
  revision: number;
  /** When the registry recorded the event (ISO 8601); stored as the log's clock, never earlier than the leaf before. */
  recordedAt: string;
}

/** A leaf located in time: what a record-time answer rests on. */
export interface LeafTime {
  leafIndex: number;
  position: bigint;
  /** The log's clock at this leaf (see advanceLogClock). */
  recordedAt: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS leaves (
  leaf_index INTEGER PRIMARY KEY,
  hash       BLOB    NOT NULL,
  position   INTEGER NOT NULL,
  stream     TEXT    NOT NULL,
  revision   INTEGER NOT NULL,
  -- The log's clock (ISO 8601, monotonic along the leaves): which prefix of the log was recorded by an instant.
  recorded_at TEXT   NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS leaves_by_position ON leaves (position);
-- Roots of the perfect subtrees above the leaves: level >= 1, the subtree of 2^level leaves from idx * 2^level.
CREATE TABLE IF NOT EXISTS nodes (
  level INTEGER NOT NULL,
  idx   INTEGER NOT NULL,
  hash  BLOB    NOT NULL,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;
`;

/**
 * Every leaf and every perfect subtree is stored once it is complete, so a proof is O(log n) lookups and an
 * append O(1) amortized writes; the right edge of the tree (its compact range) is kept in memory for the root.
 */
export class LogTreeFile implements PerfectSubtrees {
  private readonly db: Database.Database;
  private range: CompactRange;
  private last: bigint | null;
  private readonly insertLeaf: Database.Statement;
  private readonly insertNode: Database.Statement;
  private readonly selectLeafHash: Database.Statement;
  private readonly selectNode: Database.Statement;
  private readonly selectLeaf: Database.Statement;
  private readonly selectLeaves: Database.Statement;
  private readonly selectIndexAt: Database.Statement;
  private readonly selectTimeAt: Database.Statement;
  private clock: string | null;

  private constructor(db: Database.Database) {
    this.db = db;
    this.insertLeaf = db.prepare('INSERT INTO leaves (leaf_index, hash, position, stream, revision, recorded_at) VALUES (?, ?, ?, ?, ?, ?)');
    this.insertNode = db.prepare('INSERT OR REPLACE INTO nodes (level, idx, hash) VALUES (?, ?, ?)');
    this.selectLeafHash = db.prepare('SELECT hash FROM leaves WHERE leaf_index = ?').pluck();
    this.selectNode = db.prepare('SELECT hash FROM nodes WHERE level = ? AND idx = ?').pluck();
    this.selectLeaf = db.prepare('SELECT hash, position, stream, revision, recorded_at FROM leaves WHERE leaf_index = ?').safeIntegers(true);
    this.selectLeaves = db.prepare('SELECT hash, position, stream, revision, recorded_at FROM leaves WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?').safeIntegers(true);
    this.selectIndexAt = db.prepare('SELECT leaf_index FROM leaves WHERE position = ?').pluck();
    this.selectTimeAt = db.prepare('SELECT leaf_index, recorded_at FROM leaves WHERE position = ?');
    const size = Number(db.prepare('SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM leaves').pluck().get());
    this.range = this.restoreRange(size);
    const lastLeaf = size === 0 ? undefined : this.leaf(size - 1);
    this.last = lastLeaf?.position ?? null;
    this.clock = lastLeaf?.recordedAt ?? null;
  }

  static open(file: string): LogTreeFile {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      // Derived data: a crash may lose the last batches, which are hashed again from the log.
      db.pragma('synchronous = NORMAL');
      db.transaction(() => {
        dropTreeWithoutClock(db);
        db.exec(SCHEMA);
      })();
      return new LogTreeFile(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  get size(): number {
    return this.range.size;
  }

  /** The store position of the last leaf, null while empty. */
  get lastPosition(): bigint | null {
    return this.last;
  }

  /** Appends leaves in one transaction, with every perfect subtree they complete. */
  append(leaves: readonly TreeLeaf[]): void {
    if (leaves.length === 0) return;
    // Appended to a copy: a failed transaction leaves the edge as the file has it.
    const range = this.range.clone();
    let clock = this.clock;
    this.db.transaction(() => {
      for (const leaf of leaves) {
        clock = advanceLogClock(clock, leaf.recordedAt);
        this.insertLeaf.run(range.size, leaf.hash, leaf.position, leaf.stream, leaf.revision, clock);
        for (const node of range.append(leaf.hash)) this.insertNode.run(node.level, node.index, node.hash);
      }
    })();
    this.range = range;
    this.last = leaves[leaves.length - 1].position;
    this.clock = clock;
  }

  perfect(level: number, index: number): Buffer {
    const hash = (level === 0 ? this.selectLeafHash.get(index) : this.selectNode.get(level, index)) as Buffer | undefined;
    if (hash === undefined) throw new RangeError(`the tree holds no subtree at level ${level}, index ${index}`);
    return hash;
  }

  root(size = this.size): Buffer {
    this.checkSize(size);
    return size === this.size ? this.range.root() : treeRoot(this, size);
  }

  inclusionProof(leafIndex: number, treeSize: number): Buffer[] {
    this.checkSize(treeSize);
    return inclusionProof(this, leafIndex, treeSize);
  }

  consistencyProof(fromSize: number, toSize: number): Buffer[] {
    this.checkSize(toSize);
    return consistencyProof(this, fromSize, toSize);
  }

  leaf(index: number): TreeLeaf | undefined {
    const row = this.selectLeaf.get(index) as LeafRow | undefined;
    return row && toLeaf(row);
  }

  leaves(from: number, count: number): TreeLeaf[] {
    return (this.selectLeaves.all(from, count) as LeafRow[]).map(toLeaf);
  }

  /** The leaf index of the event at a store position, null when the tree has not reached it. */
  leafIndexAt(position: bigint): number | null {
    const index = this.selectIndexAt.get(position) as number | undefined;
    return index ?? null;
  }

  /** The leaf of the event at a store position, with the log's clock there; null when the tree has not reached it. */
  leafTimeAt(position: bigint): LeafTime | null {
    const row = this.selectTimeAt.get(position) as { leaf_index: number; recorded_at: string } | undefined;
    return row === undefined ? null : { leafIndex: row.leaf_index, position, recordedAt: row.recorded_at };
  }

  /** The last leaf recorded at or before the instant (ISO 8601 UTC, to the millisecond); null when none was.
   * The clock is monotonic along the leaves, so this is a binary search: O(log n) lookups, no index. */
  lastLeafRecordedBy(instant: string): LeafTime | null {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (this.leaf(middle)!.recordedAt <= instant) low = middle + 1;
      else high = middle;
    }
    if (low === 0) return null;
    const leaf = this.leaf(low - 1)!;
    return { leafIndex: low - 1, position: leaf.position, recordedAt: leaf.recordedAt };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) throw new RangeError(`the tree has ${this.size} leaves, not ${size}`);
  }

  private restoreRange(size: number): CompactRange {
    return CompactRange.fromPeaks(size, this.peaksOf(size));
  }

  private peaksOf(size: number): Buffer[] {
    let start = 0;
    return peakSizes(size).map((width) => {
      const hash = this.perfect(Math.log2(width), start / width);
      start += width;
      return hash;
    });
  }
}

type LeafRow = { hash: Buffer; position: bigint; stream: string; revision: bigint; recorded_at: string };

function toLeaf(row: LeafRow): TreeLeaf {
  return { hash: row.hash, position: row.position, stream: row.stream, revision: Number(row.revision), recordedAt: row.recorded_at };
}

/** A tree file from before the log's clock was kept is derived data: dropped, to be hashed again from the log
 * and checked against the signed checkpoints as a lost tree is. */
function dropTreeWithoutClock(db: Database.Database): void {
  const columns = db.prepare("SELECT name FROM pragma_table_info('leaves')").pluck().all() as string[];
  if (columns.length > 0 && !columns.includes('recorded_at')) db.exec('DROP TABLE leaves; DROP TABLE IF EXISTS nodes;');
}

