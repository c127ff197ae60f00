import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DERIVATION_VERSION, type ActionPlanAlertsState, type Boundary, type DerivationChanges, type DerivationState, type DerivedFact, type WatchTimeline, type WorldRecord } from '@registry/domain';

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
  CREATE TABLE IF NOT EXISTS derivation (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS derivation_timelines (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    stream TEXT NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (kind, stream)
  );
  CREATE TABLE IF NOT EXISTS derivation_recognized (
    certificate_number TEXT NOT NULL,
    country TEXT NOT NULL,
    arrangement_id TEXT,
    PRIMARY KEY (certificate_number, country)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS derivation_boundaries (
    seq INTEGER PRIMARY KEY,
    date TEXT NOT NULL,
    body TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS derivation_boundaries_by_date ON derivation_boundaries (date);
`;

/** The notifier's persisted state: the derivation's, the watches', and the log position they stand at. */
export type PersistedDerivation = { position: bigint; calendar: string | null; watches: WatchTimeline[]; alerts: ActionPlanAlertsState | null };

/** Where reading the persisted state back has got to. */
export type StateCursor = { part: 'timelines' | 'recognized' | 'boundaries'; seq: number; pair: [string, string] };

/** One slice of derivation, written at once. */
export type DerivationSlice = {
  facts: readonly DerivedFact[];
  deliveries: readonly Pick<Delivery, 'deliveryId' | 'watchId' | 'factId' | 'body' | 'createdAt'>[];
  changes: DerivationChanges;
  watches: readonly WatchTimeline[];
  /** The action plans' alerts, whole (they are few). */
  alerts: ActionPlanAlertsState;
  /** The last log position derived from. */
  position: bigint;
};

/**
 * The `derived-recognition` stream (facts, in the order derived, deduplicated by id) and the outbox of webhook
 * deliveries (at-least-once: a delivery stays PENDING until a receiver answered 2xx). A fact and the deliveries
 * made from it are written in one transaction, so a crash never leaves a fact without its deliveries.
 *
 * Beside them, the derivation's state (the timelines it folded, the pairs recognized, the dates it waits for,
 * the watches) and the log position it stands at, written in the same transaction as the facts derived from
 * it: a restart resumes there instead of deriving from the start of the log. State kept under another
 * `DERIVATION_VERSION` is dropped with the facts, and derived again (deliveries are kept: their ids dedupe).
 */
export class NotificationStore {
  private readonly db: Database.Database;
  private readonly insertFact: Database.Statement;
  private readonly insertDelivery: Database.Statement;
  private readonly putTimeline: Database.Statement;
  private readonly putRecognized: Database.Statement;
  private readonly deleteRecognized: Database.Statement;
  private readonly addBoundary: Database.Statement;
  private readonly spendBoundaries: Database.Statement;
  private readonly putMeta: Database.Statement;
  // Read back at start in many small parts (the host yields between them): prepared once, not per part.
  private readonly timelinesAfter: Database.Statement;
  private readonly recognizedAfter: Database.Statement;
  private readonly boundariesAfter: Database.Statement;

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
    this.putTimeline = this.db.prepare(
      // The first write's seq stays: the world is read back in the order its records first came, which is the
      // order its indexes (a CB's certificates, a party's arrangements) list them in, and so the order of facts.
      'INSERT INTO derivation_timelines (stream, kind, body) VALUES (?, ?, ?) ON CONFLICT (kind, stream) DO UPDATE SET body = excluded.body',
    );
    this.putRecognized = this.db.prepare('INSERT OR REPLACE INTO derivation_recognized (certificate_number, country, arrangement_id) VALUES (?, ?, ?)');
    this.deleteRecognized = this.db.prepare('DELETE FROM derivation_recognized WHERE certificate_number = ? AND country = ?');
    this.addBoundary = this.db.prepare('INSERT INTO derivation_boundaries (date, body) VALUES (?, ?)');
    this.spendBoundaries = this.db.prepare('DELETE FROM derivation_boundaries WHERE date <= ?');
    this.putMeta = this.db.prepare('INSERT OR REPLACE INTO derivation (name, value) VALUES (?, ?)');
    this.timelinesAfter = this.db.prepare(`SELECT seq, kind, body FROM derivation_timelines WHERE seq > ? AND kind <> 'watch' ORDER BY seq LIMIT ?`);
    this.recognizedAfter = this.db.prepare(
      'SELECT certificate_number, country, arrangement_id FROM derivation_recognized WHERE (certificate_number, country) > (?, ?) ORDER BY certificate_number, country LIMIT ?',
    );
    this.boundariesAfter = this.db.prepare('SELECT seq, date, body FROM derivation_boundaries WHERE seq > ? ORDER BY seq LIMIT ?');
  }

  /**
   * Where the persisted derivation stands, or null to derive from the start of the log: none kept, kept by
   * another version of the derivation, or ahead of a log that is now shorter (`head`). In the last two cases the
   * state and the facts are dropped first. The state itself is read in parts (`stateAfter`).
   */
  resume(head: bigint): PersistedDerivation | null {
    const meta = new Map((this.db.prepare('SELECT name, value FROM derivation').all() as { name: string; value: string }[]).map((row) => [row.name, row.value]));
    const position = meta.has('position') ? BigInt(meta.get('position') as string) : null;
    if (meta.get('version') !== String(DERIVATION_VERSION) || position === null || position > head) {
      this.forgetDerivation();
      return null;
    }
    const watches = (this.db.prepare(`SELECT body FROM derivation_timelines WHERE kind = 'watch' ORDER BY seq`).all() as { body: string }[]).map(
      (row) => JSON.parse(row.body) as WatchTimeline,
    );
    const alerts = meta.get('action-plan-alerts');
    return { position, calendar: meta.get('calendar') ?? null, watches, alerts: alerts === undefined ? null : (JSON.parse(alerts) as ActionPlanAlertsState) };
  }

  /** Up to `limit` rows of the persisted state after `cursor` (null: from the beginning), and the cursor after them. */
  stateAfter(cursor: StateCursor | null, limit: number, calendar: string | null): { state: DerivationState; next: StateCursor | null } {
    const at = cursor ?? { part: 'timelines', seq: 0, pair: ['', ''] };
    const empty = { calendar, timelines: [], recognized: [], boundaries: [] };
    if (at.part === 'timelines') {
      const rows = this.timelinesAfter.all(at.seq, limit) as { seq: number; kind: string; body: string }[];
      const timelines = rows.map((row) => ({ kind: row.kind, timeline: JSON.parse(row.body) }) as WorldRecord);
      const next: StateCursor = rows.length < limit ? { part: 'recognized', seq: 0, pair: ['', ''] } : { ...at, seq: rows[rows.length - 1].seq };
      return { state: { ...empty, timelines }, next };
    }
    if (at.part === 'recognized') {
      const rows = this.recognizedAfter.all(at.pair[0], at.pair[1], limit) as { certificate_number: string; country: string; arrangement_id: string | null }[];
      const recognized = rows.map((row) => ({ certificateNumber: row.certificate_number, country: row.country, arrangementId: row.arrangement_id }));
      const last = rows[rows.length - 1];
      const next: StateCursor = rows.length < limit ? { part: 'boundaries', seq: 0, pair: ['', ''] } : { ...at, pair: [last.certificate_number, last.country] };
      return { state: { ...empty, recognized }, next };
    }
    const rows = this.boundariesAfter.all(at.seq, limit) as { seq: number; date: string; body: string }[];
    const boundaries = rows.map((row) => ({ date: row.date, boundary: JSON.parse(row.body) as Boundary }));
    return { state: { ...empty, boundaries }, next: rows.length < limit ? null : { ...at, seq: rows[rows.length - 1].seq } };
  }

  /** Writes a slice of derivation: its facts, their deliveries, the state it leaves and its position, at once.
   * Returns the facts new to the store. */
  recordSlice(slice: DerivationSlice): DerivedFact[] {
    let fresh: DerivedFact[] = [];
    this.db.transaction(() => {
      fresh = this.record(slice.facts, slice.deliveries);
      const { changes } = slice;
      for (const record of changes.timelines) this.putTimeline.run(record.timeline.stream, record.kind, JSON.stringify(record.timeline));
      for (const watch of slice.watches) this.putTimeline.run(watch.stream, 'watch', JSON.stringify(watch));
      for (const pair of changes.pairs) {
        if (pair.recognized) this.putRecognized.run(pair.certificateNumber, pair.country, pair.arrangementId);
        else this.deleteRecognized.run(pair.certificateNumber, pair.country);
      }
      for (const { date, boundary } of changes.boundaries) this.addBoundary.run(date, JSON.stringify(boundary));
      if (changes.calendar !== null) {
        this.spendBoundaries.run(changes.calendar);
        this.putMeta.run('calendar', changes.calendar);
      }
      this.putMeta.run('action-plan-alerts', JSON.stringify(slice.alerts));
      this.putMeta.run('position', String(slice.position));
      this.putMeta.run('version', String(DERIVATION_VERSION));
    })();
    return fresh;
  }

  private forgetDerivation(): void {
    this.db.transaction(() => {
      for (const table of ['derivation', 'derivation_timelines', 'derivation_recognized', 'derivation_boundaries', 'derived_facts']) this.db.exec(`DELETE FROM ${table}`);
    })();
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
