import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS leaves (
  leaf_index INTEGER PRIMARY KEY,
  hash       BLOB    NOT NULL,
  position   INTEGER NOT NULL,
  stream     TEXT    NOT NULL,
  revision   INTEGER NOT NULL
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

  private constructor(db: Database.Database) {
    this.db = db;
    this.insertLeaf = db.prepare('INSERT INTO leaves (leaf_index, hash, position, stream, revision) VALUES (?, ?, ?, ?, ?)');
    this.insertNode = db.prepare('INSERT OR REPLACE INTO nodes (level, idx, hash) VALUES (?, ?, ?)');
    this.selectLeafHash = db.prepare('SELECT hash FROM leaves WHERE leaf_index = ?').pluck();
    this.selectNode = db.prepare('SELECT hash FROM nodes WHERE level = ? AND idx = ?').pluck();
    this.selectLeaf = db.prepare('SELECT hash, position, stream, revision FROM leaves WHERE leaf_index = ?').safeIntegers(true);
    this.selectLeaves = db.prepare('SELECT hash, position, stream, revision FROM leaves WHERE leaf_index >= ? ORDER BY leaf_index LIMIT ?').safeIntegers(true);
    this.selectIndexAt = db.prepare('SELECT leaf_index FROM leaves WHERE position = ?').pluck();
    const size = Number(db.prepare('SELECT COALESCE(MAX(leaf_index) + 1, 0) FROM leaves').pluck().get());
    this.range = this.restoreRange(size);
    this.last = size === 0 ? null : this.leaf(size - 1)!.position;
  }

  static open(file: string): LogTreeFile {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, { timeout: 0 });
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('journal_mode = WAL');
      // Derived data: a crash may lose the last batches, which are hashed again from the log.
      db.pragma('synchronous = NORMAL');
      db.transaction(() => db.exec(SCHEMA))();
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
    const range = CompactRange.fromPeaks(this.range.size, this.peaks());
    this.db.transaction(() => {
      for (const leaf of leaves) {
        this.insertLeaf.run(range.size, leaf.hash, leaf.position, leaf.stream, leaf.revision);
        for (const node of range.append(leaf.hash)) this.insertNode.run(node.level, node.index, node.hash);
      }
    })();
    this.range = range;
    this.last = leaves[leaves.length - 1].position;
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

  close(): void {
    if (this.db.open) this.db.close();
  }

  private checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.size) throw new RangeError(`the tree has ${this.size} leaves, not ${size}`);
  }

  private restoreRange(size: number): CompactRange {
    return CompactRange.fromPeaks(size, this.peaksOf(size));
  }

  private peaks(): Buffer[] {
    return this.peaksOf(this.range.size);
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

type LeafRow = { hash: Buffer; position: bigint; stream: string; revision: bigint };

function toLeaf(row: LeafRow): TreeLeaf {
  return { hash: row.hash, position: row.position, stream: row.stream, revision: Number(row.revision) };
}

