import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarDate } from '@registry/domain';

export const PROCESS_MANAGERS_FILE = 'process-managers.sqlite';

/** A suspension with an end: if it is still in force on `until`, the process manager withdraws. */
export type SuspensionDeadline = {
  /** The id of the suspension event: the causationId of the withdrawal, and the seed of its command id. */
  suspensionEventId: string;
  kind: 'CERTIFICATE' | 'ACCREDITATION';
  /** The certificate number or the CB id. */
  subject: string;
  stream: string;
  /** The suspension's revision in its stream: any lifting event comes after it. */
  revision: number;
  until: CalendarDate;
  /** The CB that suspended a certificate (the withdrawal is sent on its behalf). */
  cbId: string | null;
  correlationId: string;
};

/**
 * What the process managers remember across restarts: how far the log bridge has published, and the deadlines
 * still to watch. Both are written by handlers that run synchronously inside the bridge's publish, so the
 * position never passes an event whose effects were not kept.
 */
export class ProcessManagerStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, PROCESS_MANAGERS_FILE);
    this.db = new Database(file);
    chmodSync(file, 0o600);
    this.db.pragma('journal_mode = WAL');
    // A crash may lose the last commits: the bridge then publishes again, and the handlers are idempotent.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS bridge_position (id INTEGER PRIMARY KEY CHECK (id = 1), position TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS suspension_deadlines (
        suspension_event_id TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        until TEXT NOT NULL,
        outcome TEXT
      );
      CREATE INDEX IF NOT EXISTS deadlines_due ON suspension_deadlines (outcome, until);
    `);
  }

  position(): bigint | null {
    const row = this.db.prepare('SELECT position FROM bridge_position WHERE id = 1').get() as { position: string } | undefined;
    return row ? BigInt(row.position) : null;
  }

  savePosition(position: bigint): void {
    if (!this.db.open) return;
    this.db.prepare('INSERT INTO bridge_position (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position').run(String(position));
  }

  /** Idempotent: the same suspension delivered again is the same deadline. */
  addDeadline(deadline: SuspensionDeadline): void {
    if (!this.db.open) return;
    this.db
      .prepare('INSERT OR IGNORE INTO suspension_deadlines (suspension_event_id, body, until) VALUES (?, ?, ?)')
      .run(deadline.suspensionEventId, JSON.stringify(deadline), deadline.until);
  }

  /** Deadlines reached on `today` or before and not yet settled. */
  due(today: CalendarDate): SuspensionDeadline[] {
    const rows = this.db.prepare('SELECT body FROM suspension_deadlines WHERE outcome IS NULL AND until <= ? ORDER BY until').all(today) as { body: string }[];
    return rows.map((row) => JSON.parse(row.body) as SuspensionDeadline);
  }

  nextUntil(): CalendarDate | null {
    const row = this.db.prepare('SELECT MIN(until) AS until FROM suspension_deadlines WHERE outcome IS NULL').get() as { until: string | null };
    return row.until;
  }

  settle(suspensionEventId: string, outcome: string): void {
    this.db.prepare('UPDATE suspension_deadlines SET outcome = ? WHERE suspension_event_id = ?').run(outcome, suspensionEventId);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
