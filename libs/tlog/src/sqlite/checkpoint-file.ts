import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Every checkpoint the registry signed, the witnesses' cosignatures, and the registry's own record of how far
 * it has verified and where it stopped. Outside the log and outside the read models (mode 0600), so it
 * outlives both: it is what a shortened or rewritten log is compared with.
 */
export const CHECKPOINTS_FILE = 'signed-checkpoints.sqlite3';

export function checkpointsPath(dataDir: string): string {
  return join(dataDir, CHECKPOINTS_FILE);
}

export interface StoredCheckpoint {
  treeSize: number;
  rootHash: Buffer;
  /** The signed note: checkpoint text, blank line, the registry's signature line. */
  note: string;
  signedAt: string;
}

export interface StoredCosignature {
  treeSize: number;
  witness: string;
  line: string;
  timestamp: number;
}

export interface SigningKeyRecord {
  keyId: string;
  publicKey: Buffer;
  validFrom: string;
  validUntil: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS checkpoints (
  tree_size INTEGER PRIMARY KEY,
  root_hash BLOB NOT NULL,
  note      TEXT NOT NULL,
  signed_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cosignatures (
  tree_size INTEGER NOT NULL,
  witness   TEXT NOT NULL,
  line      TEXT NOT NULL,
  timestamp INTEGER NOT NULL,
  PRIMARY KEY (tree_size, witness)
);
CREATE TABLE IF NOT EXISTS signing_keys (
  key_id      TEXT PRIMARY KEY,
  public_key  BLOB NOT NULL,
  valid_from  TEXT NOT NULL,
  valid_until TEXT
);
CREATE TABLE IF NOT EXISTS log_state (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
`;

export class CheckpointFile {
  private constructor(private readonly db: Database.Database) {}

  static open(file: string): CheckpointFile {
    mkdirSync(dirname(file), { recursive: true });
    const db = new Database(file, { timeout: 0 });
    try {
      chmodSync(file, 0o600);
      db.pragma('journal_mode = WAL');
      // What was signed must survive a power cut as the log does.
      db.pragma('synchronous = FULL');
      // One transaction, one fsync, for the whole schema.
      db.transaction(() => db.exec(SCHEMA))();
      return new CheckpointFile(db);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  latest(): StoredCheckpoint | null {
    const row = this.db.prepare('SELECT * FROM checkpoints ORDER BY tree_size DESC LIMIT 1').get() as CheckpointRow | undefined;
    return row ? toCheckpoint(row) : null;
  }

  at(treeSize: number): StoredCheckpoint | null {
    const row = this.db.prepare('SELECT * FROM checkpoints WHERE tree_size = ?').get(treeSize) as CheckpointRow | undefined;
    return row ? toCheckpoint(row) : null;
  }

  /** Checkpoints with from <= size <= to, oldest first, at most `limit`. */
  between(from: number, to: number, limit: number): StoredCheckpoint[] {
    return (this.db.prepare('SELECT * FROM checkpoints WHERE tree_size BETWEEN ? AND ? ORDER BY tree_size LIMIT ?').all(from, to, limit) as CheckpointRow[]).map(toCheckpoint);
  }

  /** How many checkpoints have a tree size from `from` to `to`: counted in the primary key. */
  countBetween(from: number, to: number): number {
    return this.db.prepare('SELECT count(*) FROM checkpoints WHERE tree_size BETWEEN ? AND ?').pluck().get(from, to) as number;
  }

  /** Every signed size, newest first (to find where a rebuilt tree first disagrees). */
  sizes(): number[] {
    return this.db.prepare('SELECT tree_size FROM checkpoints ORDER BY tree_size DESC').pluck().all() as number[];
  }

  add(checkpoint: StoredCheckpoint): void {
    this.db
      .prepare('INSERT OR IGNORE INTO checkpoints (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)')
      .run(checkpoint.treeSize, checkpoint.rootHash, checkpoint.note, checkpoint.signedAt);
  }

  cosignatures(treeSize: number): StoredCosignature[] {
    return (this.db.prepare('SELECT * FROM cosignatures WHERE tree_size = ? ORDER BY witness').all(treeSize) as CosignatureRow[]).map((row) => ({
      treeSize: row.tree_size,
      witness: row.witness,
      line: row.line,
      timestamp: row.timestamp,
    }));
  }

  addCosignature(cosignature: StoredCosignature): void {
    this.db
      .prepare('INSERT OR REPLACE INTO cosignatures (tree_size, witness, line, timestamp) VALUES (?, ?, ?, ?)')
      .run(cosignature.treeSize, cosignature.witness, cosignature.line, cosignature.timestamp);
  }

  signingKeys(): SigningKeyRecord[] {
    return (this.db.prepare('SELECT * FROM signing_keys ORDER BY valid_from').all() as KeyRow[]).map((row) => ({
      keyId: row.key_id,
      publicKey: row.public_key,
      validFrom: row.valid_from,
      validUntil: row.valid_until,
    }));
  }

  /** Records the key now signing; a different key before it is closed at `now` and stays listed (rotation). */
  useSigningKey(keyId: string, publicKey: Buffer, now: string): void {
    this.db.transaction(() => {
      const current = this.db.prepare('SELECT key_id FROM signing_keys WHERE valid_until IS NULL').pluck().all() as string[];
      if (current.length === 1 && current[0] === keyId) return;
      this.db.prepare('UPDATE signing_keys SET valid_until = ? WHERE valid_until IS NULL').run(now);
      this.db.prepare('INSERT OR REPLACE INTO signing_keys (key_id, public_key, valid_from, valid_until) VALUES (?, ?, ?, NULL)').run(keyId, publicKey, now);
    })();
  }

  /** A number the log keeps about itself (`verified` leaves, `closed` at a size), null when unset. */
  state(name: 'verified' | 'closed'): number | null {
    const value = this.db.prepare('SELECT value FROM log_state WHERE name = ?').pluck().get(name) as number | undefined;
    return value ?? null;
  }

  setState(name: 'verified' | 'closed', value: number | null): void {
    if (value === null) this.db.prepare('DELETE FROM log_state WHERE name = ?').run(name);
    else this.db.prepare('INSERT INTO log_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(name, value);
  }

  /** Runs `work` in one transaction: the writes of a start or a stop cost one fsync. */
  inOneTransaction(work: () => void): void {
    this.db.transaction(work)();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

type CheckpointRow = { tree_size: number; root_hash: Buffer; note: string; signed_at: string };
type CosignatureRow = { tree_size: number; witness: string; line: string; timestamp: number };
type KeyRow = { key_id: string; public_key: Buffer; valid_from: string; valid_until: string | null };

function toCheckpoint(row: CheckpointRow): StoredCheckpoint {
  return { treeSize: row.tree_size, rootHash: row.root_hash, note: row.note, signedAt: row.signed_at };
}
