import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DerivedFact } from '@registry/domain';

/** The derived facts and the webhook outbox: a file of their own in the data directory, beside the read models. */
export const NOTIFICATIONS_FILE = 'notifications.sqlite';

export type DeliveryStatus = 'PENDING' | 'DELIVERED' | 'DEAD';

/** One fact to send to one watch's webhook. Its id is derived from both, so deriving again adds nothing. */
export type Delivery = {
  deliveryId: string;
  watchId: string;
  factId: string;
  /** The JSON body sent, exactly. */
  body: string;
  createdAt: number;
  attempts: number;
  nextAttemptAt: number;
  status: DeliveryStatus;
  lastError: string | null;
  lastAttemptAt: number | null;
  deliveredAt: number | null;
};

type DeliveryRow = {
  delivery_id: string;
  watch_id: string;
  fact_id: string;
  body: string;
  created_at: number;
  attempts: number;
  next_attempt_at: number;
  status: DeliveryStatus;
  last_error: string | null;
  last_attempt_at: number | null;
  delivered_at: number | null;
};

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS derived_facts (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS deliveries (
    delivery_id TEXT PRIMARY KEY,
    watch_id TEXT NOT NULL,
    fact_id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    status TEXT NOT NULL,
    last_error TEXT,
    last_attempt_at INTEGER,
    delivered_at INTEGER
  );
  CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt_at);
  CREATE INDEX IF NOT EXISTS deliveries_of_watch ON deliveries (watch_id, created_at);
`;

/**
 * The `derived-recognition` stream (facts, in the order derived, deduplicated by id) and the outbox of webhook
 * deliveries (at-least-once: a delivery stays PENDING until a receiver answered 2xx). A fact and the deliveries
 * made from it are written in one transaction, so a crash never leaves a fact without its deliveries.
 */
export class NotificationStore {
  private readonly db: Database.Database;
  private readonly insertFact: Database.Statement;
  private readonly insertDelivery: Database.Statement;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, NOTIFICATIONS_FILE);
    this.db = new Database(file);
    chmodSync(file, 0o600);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.insertFact = this.db.prepare('INSERT OR IGNORE INTO derived_facts (id, type, body) VALUES (?, ?, ?)');
    this.insertDelivery = this.db.prepare(
      `INSERT OR IGNORE INTO deliveries (delivery_id, watch_id, fact_id, body, created_at, next_attempt_at, status)
       VALUES (@deliveryId, @watchId, @factId, @body, @createdAt, @createdAt, 'PENDING')`,
    );
  }

  /** Records facts and their deliveries; what is already there (same ids) is left as it is. Returns the facts new to the store. */
  record(facts: readonly DerivedFact[], deliveries: readonly Pick<Delivery, 'deliveryId' | 'watchId' | 'factId' | 'body' | 'createdAt'>[]): DerivedFact[] {
    const fresh: DerivedFact[] = [];
    this.db.transaction(() => {
      for (const fact of facts) if (this.insertFact.run(fact.id, fact.type, JSON.stringify(fact)).changes > 0) fresh.push(fact);
      for (const delivery of deliveries) this.insertDelivery.run(delivery);
    })();
    return fresh;
  }

  /** The facts of the `derived-recognition` stream after `seq`, in order. */
  factsAfter(seq: number, limit: number): { seq: number; fact: DerivedFact }[] {
    const rows = this.db.prepare('SELECT seq, body FROM derived_facts WHERE seq > ? ORDER BY seq LIMIT ?').all(seq, limit) as { seq: number; body: string }[];
    return rows.map((row) => ({ seq: row.seq, fact: JSON.parse(row.body) as DerivedFact }));
  }

  /** PENDING deliveries whose next attempt is due, oldest first. */
  due(now: number, limit: number): Delivery[] {
    const rows = this.db
      .prepare(`SELECT * FROM deliveries WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at, created_at LIMIT ?`)
      .all(now, limit) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  /** When the next PENDING delivery is due, if any. */
  nextDueAt(): number | null {
    const row = this.db.prepare(`SELECT MIN(next_attempt_at) AS at FROM deliveries WHERE status = 'PENDING'`).get() as { at: number | null };
    return row.at;
  }

  delivered(deliveryId: string, at: number): void {
    this.db
      .prepare(`UPDATE deliveries SET status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?, delivered_at = ?, last_error = NULL WHERE delivery_id = ?`)
      .run(at, at, deliveryId);
  }

  /** A failed attempt: tried again at `nextAttemptAt`, or dead-lettered when that is null. */
  failed(deliveryId: string, at: number, error: string, nextAttemptAt: number | null): void {
    this.db
      .prepare(
        `UPDATE deliveries SET attempts = attempts + 1, last_attempt_at = ?, last_error = ?,
           status = CASE WHEN ? IS NULL THEN 'DEAD' ELSE 'PENDING' END, next_attempt_at = COALESCE(?, next_attempt_at)
         WHERE delivery_id = ?`,
      )
      .run(at, error, nextAttemptAt, nextAttemptAt, deliveryId);
  }

  /** A watch's deliveries, newest first. */
  deliveriesOf(watchId: string, limit: number): Delivery[] {
    const rows = this.db.prepare('SELECT * FROM deliveries WHERE watch_id = ? ORDER BY created_at DESC, delivery_id LIMIT ?').all(watchId, limit) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  /** A page of a watch's deliveries, newest first, after the one at (createdAt, deliveryId) when given: a seek in
   * the watch's index, then `limit` rows. Deliveries added meanwhile are newer: they never enter a walk begun before. */
  deliveriesOfAfter(watchId: string, after: { createdAt: number; deliveryId: string } | null, limit: number): Delivery[] {
    const rows = (
      after === null
        ? this.db.prepare('SELECT * FROM deliveries WHERE watch_id = ? ORDER BY created_at DESC, delivery_id LIMIT ?').all(watchId, limit)
        : this.db
            .prepare(
              `SELECT * FROM deliveries WHERE watch_id = ? AND (created_at < ? OR (created_at = ? AND delivery_id > ?))
               ORDER BY created_at DESC, delivery_id LIMIT ?`,
            )
            .all(watchId, after.createdAt, after.createdAt, after.deliveryId, limit)
    ) as DeliveryRow[];
    return rows.map(toDelivery);
  }

  deliveryCountOf(watchId: string): number {
    return this.db.prepare('SELECT count(*) FROM deliveries WHERE watch_id = ?').pluck().get(watchId) as number;
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function toDelivery(row: DeliveryRow): Delivery {
  return {
    deliveryId: row.delivery_id,
    watchId: row.watch_id,
    factId: row.fact_id,
    body: row.body,
    createdAt: row.created_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    status: row.status,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    deliveredAt: row.delivered_at,
  };
}
