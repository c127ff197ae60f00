import type Database from 'better-sqlite3';
import type { ActualRevision } from '../event-store';
import { isAtomic, type AppendOutcome, type AppendRequest, type AtomicAppendOutcome, type CommitMember, type EncodedEvent, type MemberOutcome } from './writer-protocol';

type StreamTip = { revision: bigint; position: bigint } | undefined;

/** Thrown inside an atomic group's savepoint to roll it back. */
class GroupConflict extends Error {
  constructor(readonly outcome: AtomicAppendOutcome & { kind: 'group-conflict' }) {
    super('group conflict');
  }
}

/**
 * Commits a batch of appends in ONE transaction (one fsync), checking each append's expected revision on
 * its own: a loser gets a conflict outcome and the others still commit. Appends to the same stream
 * within a batch see each other, in request order. An atomic group (appends to several streams) is applied
 * within a savepoint: one conflict in it rolls back the whole group, and only the group.
 */
export class BatchCommitter {
  private readonly tipOf: Database.Statement<[string], { revision: bigint; position: bigint }>;
  private readonly idAt: Database.Statement<[string, bigint], { id: string; position: bigint }>;
  private readonly revisionOfId: Database.Statement<[string, string], { revision: bigint }>;
  private readonly insert: Database.Statement<[string, bigint, string, string, string, string, number]>;
  private readonly maxPosition: Database.Statement<[], { position: bigint | null }>;
  private readonly commitAll: (members: CommitMember[]) => MemberOutcome[];
  private readonly applyGroup: (appends: AppendRequest[], recordedAt: number) => AppendOutcome[];

  constructor(private readonly db: Database.Database) {
    this.tipOf = db
      .prepare<[string], { revision: bigint; position: bigint }>(
        'SELECT revision, position FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
      )
      .safeIntegers(true);
    this.idAt = db
      .prepare<[string, bigint], { id: string; position: bigint }>(
        'SELECT id, position FROM events WHERE stream = ? AND revision = ?',
      )
      .safeIntegers(true);
    this.revisionOfId = db
      .prepare<[string, string], { revision: bigint }>(
        'SELECT revision FROM events WHERE id = ? AND stream = ? ORDER BY revision LIMIT 1',
      )
      .safeIntegers(true);
    this.insert = db.prepare(
      'INSERT INTO events (stream, revision, id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.maxPosition = db
      .prepare<[], { position: bigint | null }>('SELECT max(position) AS position FROM events')
      .safeIntegers(true);
    const recordedAt = (): number => Date.now();
    // Called within commitAll's transaction, better-sqlite3 makes this one a savepoint.
    this.applyGroup = db.transaction((appends: AppendRequest[], now: number) => {
      const outcomes = appends.map((append) => this.apply(append, now));
      const index = outcomes.findIndex((outcome) => outcome.kind === 'conflict');
      const lost = outcomes[index];
      if (lost?.kind === 'conflict') throw new GroupConflict({ kind: 'group-conflict', index, actual: lost.actual });
      return outcomes;
    });
    this.commitAll = db.transaction((members: CommitMember[]) => {
      const now = recordedAt();
      return members.map((member) => (isAtomic(member) ? this.applyAtomic(member.atomic, now) : this.apply(member, now)));
    }).immediate;
  }

  commit(members: CommitMember[]): MemberOutcome[] {
    return this.commitAll(members);
  }

  lastPosition(): bigint {
    return this.maxPosition.get()?.position ?? 0n;
  }

  private applyAtomic(appends: AppendRequest[], recordedAt: number): AtomicAppendOutcome {
    try {
      return { kind: 'all-appended', outcomes: this.applyGroup(appends, recordedAt) };
    } catch (error) {
      if (error instanceof GroupConflict) return error.outcome;
      throw error;
    }
  }

  private apply(append: AppendRequest, recordedAt: number): AppendOutcome {
    const tip = this.tipOf.get(append.stream);
    const actual: ActualRevision = tip === undefined ? 'no_stream' : tip.revision;
    const expected = append.expected;

    if (typeof expected === 'bigint' || expected === 'no_stream') {
      const firstRevision = expected === 'no_stream' ? 0n : expected + 1n;
      if (actual === expected) return this.write(append.stream, firstRevision, append.events, recordedAt, tip);
      // A retry after a lost reply: the very same ids already sit where this append wanted them.
      return this.alreadyAt(append.stream, firstRevision, append.events) ?? { kind: 'conflict', actual };
    }
    if (expected === 'stream_exists' && tip === undefined) return { kind: 'conflict', actual };
    const first = append.events[0];
    const earlier = first === undefined ? undefined : this.revisionOfId.get(first.id, append.stream);
    if (earlier !== undefined) {
      const original = this.alreadyAt(append.stream, earlier.revision, append.events);
      // Some ids recorded, some not: neither a clean retry nor a new append.
      return original ?? { kind: 'conflict', actual };
    }
    return this.write(append.stream, tip === undefined ? 0n : tip.revision + 1n, append.events, recordedAt, tip);
  }

  private write(
    stream: string,
    firstRevision: bigint,
    events: EncodedEvent[],
    recordedAt: number,
    tip: StreamTip,
  ): AppendOutcome {
    if (events.length === 0) {
      return { kind: 'appended', nextRevision: firstRevision - 1n, position: tip?.position ?? -1n };
    }
    let position = 0n;
    let revision = firstRevision;
    for (const event of events) {
      const result = this.insert.run(stream, revision, event.id, event.type, event.data, event.metadata, recordedAt);
      position = BigInt(result.lastInsertRowid);
      revision += 1n;
    }
    return { kind: 'appended', nextRevision: revision - 1n, position };
  }

  private alreadyAt(stream: string, firstRevision: bigint, events: EncodedEvent[]): AppendOutcome | undefined {
    if (events.length === 0) return undefined;
    let position = 0n;
    let revision = firstRevision;
    for (const event of events) {
      const recorded = this.idAt.get(stream, revision);
      if (recorded === undefined || recorded.id !== event.id) return undefined;
      position = recorded.position;
      revision += 1n;
    }
    return { kind: 'already-appended', nextRevision: revision - 1n, position };
  }
}
