import { canonicalEventBytes } from '@registry/domain/log/canonical-event';
import { EventStoreUnavailableError, pause, type AllSubscription, type AppendOptions, type EventData, type EventStore, type RecordedEvent, type StreamAppend } from '@registry/event-store';
import { existsSync } from 'node:fs';
import { compareLogWithTree } from './compare-log';
import { leafOf } from './leaf-of';
import { describeDifference, LogDivergedError, TamperedLogError, type LogDifference } from './log-difference';
import { formatCheckpoint, parseSignatureLine, signNote, verifyCosignature, type VerifierKey } from './note';
import { CheckpointFile, checkpointsPath, type StoredCheckpoint } from './sqlite/checkpoint-file';
import { LogTreeFile, logTreePath } from './sqlite/log-tree-file';
import { loadSigningKey, type LogSigner } from './signing-key';

export type VerifyAtStart = 'auto' | 'full' | 'incremental';

export interface TransparencyLogOptions {
  /** The checkpoint origin line, also the signing key's name. */
  origin: string;
  signingKeyFile?: string;
  /** `auto`: a full pass before serving up to `fullPassLimit` leaves; above it, the leaves since the last
   * verified checkpoint before serving and the full pass in the background. */
  verifyAtStart?: VerifyAtStart;
  fullPassLimit?: number;
  /** Serve a log that does not match its checkpoints, flagged as tampered, instead of refusing to start. */
  allowTampered?: boolean;
  /** The registry is the log's only writer (the embedded store): events found past its last clean stop were
   * appended by someone else. Not so on EventStoreDB, where replicas and `migrate` append too. */
  soleWriter: boolean;
  checkpointIntervalMs?: number;
  /** How often the running registry checks that the log still holds its last leaf. */
  guardIntervalMs?: number;
  log?: { info(message: string): void; warn(message: string): void; error(message: string): void };
  now?: () => Date;
}

/** `diverged`: the log, as the store answers now, no longer holds what was signed (found while running). */
export type LogState = 'verified' | 'tampered' | 'diverged';

export interface LogStatus {
  status: LogState;
  /** As last checked while running: `checking` after the store's connection broke, until it is reached again. */
  trust: LogTrust;
  treeSize: number;
  checkpointSize: number;
  /** Set when tampered (the first leaf that differs, in one sentence) or diverged (the refusal's message). */
  detail?: string;
  /** Whether the full pass over the whole log has run since start (it runs in the background on big logs). */
  fullyVerified: boolean;
}

export interface LogEntry {
  leafIndex: number;
  /** The event's canonical bytes (RFC 8785 JSON). */
  canonical: string;
}

/** Whether the log still holds what the registry hashed and signed, as last checked while running:
 * `checking` after the store's connection broke (until it answers again and is checked), `diverged` once it
 * answered with a log that is shorter than, or not, the one signed — for good: only an operator adopts a log. */
export type LogTrust = 'trusted' | 'checking' | 'diverged';

export type CosignatureResult = { ok: true; witness: string; treeSize: number } | { ok: false; reason: string };

const DEFAULT_FULL_PASS_LIMIT = 100_000;
const WAIT_MS = 5_000;
const RETRY_MS = 1_000;
/** Leaves gathered before they are hashed and stored, when no one waits for them: one transaction per batch,
 * and the subscription read once per batch instead of once per commit (bench row 8). */
const FOLLOW_BATCH_MS = 20;
/** Events hashed and stored between two turns of the event loop (about a millisecond's work). */
const FLUSH_SLICE = 128;
/** How often a running registry checks that the log still holds its last leaf (one read). */
const GUARD_INTERVAL_MS = 5_000;

const TURN = Symbol('turn');
/** Resolves after pending callbacks: what the subscription already holds has been delivered. */
const nextTurn = (): Promise<typeof TURN> => new Promise((resolve) => setImmediate(resolve, TURN));

/**
 * The registry's tamper-evident log: the Merkle tree kept up with the store, a signed checkpoint within a
 * second of new events, proofs, and the check at start that the log still is what was signed.
 */
export class TransparencyLog {
  private difference: LogDifference | null = null;
  private fullyVerified = false;
  private subscription: AllSubscription | undefined;
  private following: Promise<void> | undefined;
  private background: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private closing: Promise<void> | undefined;
  private pending: RecordedEvent[] = [];
  private waiters: { position: bigint; resolve(): void }[] = [];
  private wakeFollower: (() => void) | undefined;
  private trust: LogTrust = 'trusted';
  private divergence: LogDivergedError | null = null;
  private guardTimer: NodeJS.Timeout | undefined;
  private guarding: Promise<void> | undefined;
  private runningCheck: Promise<boolean> | undefined;
  private queuedCheck: Promise<boolean> | undefined;

  private constructor(
    private readonly store: EventStore,
    readonly tree: LogTreeFile,
    readonly checkpoints: CheckpointFile,
    readonly signer: LogSigner,
    private readonly options: TransparencyLogOptions,
  ) {}

  /** Opens the tree and checkpoint files, checks the log against what was signed (TamperedLogError unless
   * allowed), catches the tree up, signs, and follows the log. */
  static async open(store: EventStore, dataDir: string, options: TransparencyLogOptions): Promise<TransparencyLog> {
    const treeExisted = existsSync(logTreePath(dataDir));
    const checkpoints = CheckpointFile.open(checkpointsPath(dataDir));
    let tree: LogTreeFile | undefined;
    try {
      tree = LogTreeFile.open(logTreePath(dataDir));
      const signer = loadSigningKey(options.origin, dataDir, options.signingKeyFile);
      checkpoints.useSigningKey(signer.keyId, signer.publicKey, (options.now?.() ?? new Date()).toISOString());
      const log = new TransparencyLog(store, tree, checkpoints, signer, options);
      await log.start(treeExisted && tree.size > 0);
      return log;
    } catch (error) {
      tree?.close();
      checkpoints.close();
      throw error;
    }
  }

  status(): LogStatus {
    const detail = this.divergence?.message ?? (this.difference ? describeDifference(this.difference) : undefined);
    return {
      status: this.divergence ? 'diverged' : this.difference ? 'tampered' : 'verified',
      trust: this.trust,
      treeSize: this.tree.size,
      checkpointSize: this.checkpoints.latest()?.treeSize ?? 0,
      ...(detail === undefined ? {} : { detail }),
      fullyVerified: this.fullyVerified,
    };
  }

  get tampered(): boolean {
    return this.difference !== null;
  }

  /** `diverged`: the log no longer holds what was signed; every request but /health and the signed checkpoints
   * is refused with `divergence.message`. */
  get logTrust(): LogTrust {
    return this.trust;
  }

  /** Why the log is not followed any more (one message naming the last checkpoint and what the log holds). */
  get diverged(): LogDivergedError | null {
    return this.divergence;
  }

  /**
   * The store the registry writes through: appends are refused (EventStoreUnavailableError, nothing written)
   * while the log is being checked after a broken connection, and for good once it has diverged — so nothing
   * is ever acknowledged on a log that lost what was signed.
   */
  guard(store: EventStore): EventStore {
    const refuseUnlessTrusted = (): void => {
      if (this.divergence !== null) throw new EventStoreUnavailableError(this.divergence.message);
      if (this.trust === 'checking') {
        throw new EventStoreUnavailableError('the connection to the event store was lost; the log is checked against the last signed checkpoint before writes resume');
      }
    };
    const beforeWriting = async (): Promise<void> => {
      refuseUnlessTrusted();
      // A shared store (EventStoreDB) can come back empty, or be another log, on the same address between two
      // writes, and its client reconnects without a word: each write waits for a check made after it was asked
      // (one read, shared by the writes that wait together). The embedded store is held by this process alone.
      if (!this.options.soleWriter && !(await this.checkedAfterNow())) {
        refuseUnlessTrusted();
        throw new EventStoreUnavailableError('the log could not be checked against the last signed checkpoint before writing: the store does not answer');
      }
    };
    return {
      append: async (stream: string, events: EventData[], options: AppendOptions) => {
        await beforeWriting();
        return store.append(stream, events, options);
      },
      appendToStreams: async (appends: StreamAppend[]) => {
        await beforeWriting();
        return store.appendToStreams(appends);
      },
      readStream: (stream, options) => store.readStream(stream, options),
      readStreams: (streams) => store.readStreams(streams),
      readAll: (options) => store.readAll(options),
      subscribeToAll: (options) => store.subscribeToAll(options),
      health: () => store.health(),
      close: () => store.close(),
    };
  }

  latestCheckpoint(): StoredCheckpoint | null {
    return this.checkpoints.latest();
  }

  /** The signed note with every witness cosignature collected for it appended. */
  cosignedNote(checkpoint: StoredCheckpoint): string {
    const lines = this.checkpoints.cosignatures(checkpoint.treeSize).map((cosignature) => `${cosignature.line}\n`);
    return checkpoint.note + lines.join('');
  }

  inclusionProof(leafIndex: number, treeSize: number): { leafHash: Buffer; hashes: Buffer[] } {
    const hashes = this.tree.inclusionProof(leafIndex, treeSize);
    return { leafHash: this.tree.perfect(0, leafIndex), hashes };
  }

  consistencyProof(fromSize: number, toSize: number): Buffer[] {
    return this.tree.consistencyProof(fromSize, toSize);
  }

  leafIndexAt(position: bigint): number | null {
    return this.tree.leafIndexAt(position);
  }

  /** Resolves once the tree holds the event at `position` (or after a few seconds: a write is never failed
   * for the tree's sake; its leafIndex then reads as null). */
  waitFor(position: bigint): Promise<void> {
    if (this.closed || (this.tree.lastPosition ?? -1n) >= position) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter = { position, resolve };
      this.waiters.push(waiter);
      this.wakeFollower?.();
      setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        resolve();
      }, WAIT_MS).unref();
    });
  }

  /** The canonical bytes of leaves start..end-1, read from the log as it stands. */
  async entries(start: number, end: number): Promise<LogEntry[]> {
    const first = this.tree.leaf(start);
    if (first === undefined || end <= start) return [];
    const events = await this.store.readAll({ fromPosition: first.position, maxCount: end - start });
    return events.map((event, offset) => ({ leafIndex: start + offset, canonical: canonicalEventBytes(event).toString('utf8') }));
  }

  /** Accepts a witness's cosignature of a checkpoint the registry signed, if it verifies under a registered
   * witness key. */
  addCosignature(treeSize: number, line: string, witnessKeys: readonly VerifierKey[]): CosignatureResult {
    const checkpoint = this.checkpoints.at(treeSize);
    if (checkpoint === null) return { ok: false, reason: `the registry signed no checkpoint of ${treeSize} leaves` };
    let signature;
    try {
      signature = parseSignatureLine(line.trim());
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
    const witness = witnessKeys.find((key) => key.name === signature.name && key.keyId.equals(signature.keyId));
    if (witness === undefined) return { ok: false, reason: `${signature.name} is not a registered witness key` };
    const text = checkpoint.note.slice(0, checkpoint.note.lastIndexOf('\n\n') + 1);
    const checked = verifyCosignature(text, signature, witness);
    if (!checked.ok) return checked;
    this.checkpoints.addCosignature({ treeSize, witness: witness.name, line: signature.line, timestamp: checked.timestamp });
    return { ok: true, witness: witness.name, treeSize };
  }

  /** Stops following; catches up with what the log holds, signs it, and records a clean stop. */
  close(): Promise<void> {
    return (this.closing ??= this.shutDown());
  }

  private async shutDown(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.guardTimer) clearInterval(this.guardTimer);
    this.wakeFollower?.();
    try {
      await this.subscription?.close();
      await this.following;
      await this.background;
      await this.guarding;
      if (!this.difference && !this.divergence) {
        this.flush();
        await this.catchUp();
        this.checkpoints.inOneTransaction(() => {
          this.signIfGrown();
          this.checkpoints.setState('verified', this.tree.size);
          if (this.options.soleWriter) this.checkpoints.setState('closed', this.tree.size);
        });
      }
    } catch (error) {
      // The store may already be gone (a failed start, a lost connection): no clean stop is recorded, so the
      // next start takes whatever follows the last checkpoint as a crash would leave it.
      this.options.log?.warn(`the log's tree could not catch up at shutdown: ${(error as Error).message}`);
    } finally {
      for (const waiter of this.waiters) waiter.resolve();
      this.waiters = [];
      this.tree.close();
      this.checkpoints.close();
    }
  }

  private async start(treeExisted: boolean): Promise<void> {
    const latest = this.checkpoints.latest();
    let difference: LogDifference | null = null;
    const mode = this.options.verifyAtStart ?? 'auto';
    const full = mode === 'full' || (mode === 'auto' && this.tree.size <= (this.options.fullPassLimit ?? DEFAULT_FULL_PASS_LIMIT));
    if (latest !== null && !treeExisted) {
      // The tree was lost (or never kept): hash the whole log again and hold it to what was signed.
      await this.catchUp();
      difference = this.compareWithCheckpoints();
      this.fullyVerified = true;
    } else {
      const from = full ? 0 : Math.min(this.checkpoints.state('verified') ?? 0, this.tree.size);
      const comparison = await compareLogWithTree(this.store, this.tree, from);
      difference = comparison.difference ?? this.compareWithCheckpoints();
      const closedAt = this.checkpoints.state('closed');
      if (difference === null && comparison.beyond && this.options.soleWriter && closedAt === this.tree.size) {
        const { stream, revision } = comparison.beyond;
        difference = { kind: 'appended-outside', leafIndex: this.tree.size, stream, revision: Number(revision), closedAt };
      }
      this.fullyVerified = full;
      if (difference === null) await this.catchUp();
    }
    if (difference !== null) {
      if (!this.options.allowTampered) throw new TamperedLogError(difference, latest);
      this.difference = difference;
      this.options.log?.error(`serving a tampered log (--allow-tampered-log): ${describeDifference(difference)}`);
      return;
    }
    this.checkpoints.inOneTransaction(() => {
      this.checkpoints.setState('verified', this.tree.size);
      this.checkpoints.setState('closed', null);
      this.signIfGrown();
    });
    this.following = this.follow();
    this.timer = setInterval(() => this.signIfGrown(), this.options.checkpointIntervalMs ?? 500);
    this.timer.unref();
    this.guardTimer = setInterval(() => this.checkSoon(), this.options.guardIntervalMs ?? GUARD_INTERVAL_MS);
    this.guardTimer.unref();
    if (!this.fullyVerified) this.background = this.fullPassInBackground();
  }

  /** Where the tree (hashed from the log as it is now) first disagrees with a signed checkpoint. Roots agree
   * up to some size and disagree from there, so the first disagreeing checkpoint is found by bisection. */
  private compareWithCheckpoints(): LogDifference | null {
    const sizes = this.checkpoints.sizes().reverse();
    const agrees = (size: number): boolean => size <= this.tree.size && this.tree.root(size).equals(this.checkpoints.at(size)!.rootHash);
    if (sizes.length === 0 || agrees(sizes[sizes.length - 1])) return null;
    let low = 0;
    let high = sizes.length - 1;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (agrees(sizes[middle])) low = middle + 1;
      else high = middle;
    }
    const fromLeaf = low === 0 ? 0 : sizes[low - 1];
    if (sizes[low] > this.tree.size && this.tree.size >= fromLeaf && (low === 0 || agrees(fromLeaf))) {
      return { kind: 'missing', leafIndex: this.tree.size, stream: '(unknown: the tree was rebuilt)', revision: -1 };
    }
    return { kind: 'root', treeSize: sizes[low], fromLeaf };
  }

  /** Small pages, each after the requests already waiting: the registry serves while the pass runs. */
  private async fullPassInBackground(): Promise<void> {
    const started = Date.now();
    const yieldToRequests = (): Promise<void> =>
      new Promise((resolve, reject) => setImmediate(() => (this.closed ? reject(new Error('the registry is stopping')) : resolve())));
    try {
      await yieldToRequests();
      const comparison = await compareLogWithTree(this.store, this.tree, 0, { pageSize: 500, betweenPages: yieldToRequests });
      if (this.closed) return;
      if (comparison.difference) {
        this.difference = comparison.difference;
        this.options.log?.error(`the full pass over the log found it altered: ${describeDifference(comparison.difference)}`);
        return;
      }
      this.fullyVerified = true;
      this.options.log?.info(`full pass over the log: ${comparison.compared} leaves verified in ${Date.now() - started} ms`);
    } catch (error) {
      if (!this.closed) this.options.log?.warn(`the full pass over the log stopped: ${(error as Error).message}`);
    }
  }

  /** Reads what the log holds past the tree's last leaf, page by page, into the tree. */
  private async catchUp(pageSize = 5_000): Promise<void> {
    for (;;) {
      const last = this.tree.lastPosition;
      const page = (await this.store.readAll({ fromPosition: last ?? 'start', maxCount: pageSize + 1 })).filter((event) => event.position !== last);
      if (page.length === 0) return;
      this.tree.append(page.map(leafOf));
    }
  }

  /**
   * Follows the store's subscription in batches: what has arrived is hashed and stored in one transaction, then
   * the follower rests FOLLOW_BATCH_MS unless someone waits for a leaf (a mutation does, for its leafIndex).
   * When the subscription breaks (the store went away), writes are refused until the log, reached again, is
   * checked against what was signed: a store that came back empty or with another log is never followed.
   */
  private async follow(): Promise<void> {
    while (!this.closed && this.divergence === null) {
      if (this.trust === 'checking') {
        if (!(await this.checkLog())) {
          if (this.divergence === null && !this.closed) await pause(RETRY_MS);
          continue;
        }
      }
      const subscription = this.store.subscribeToAll({ fromPosition: this.tree.lastPosition ?? 'start' });
      this.subscription = subscription;
      try {
        await this.followBatches(subscription);
      } catch (error) {
        if (this.closed) return;
        this.options.log?.warn(`the log's subscription broke (${(error as Error).message}); checking the log, then following again`);
      } finally {
        await subscription.close();
      }
      if (this.closed || this.divergence !== null) return;
      this.flush();
      this.trust = 'checking';
    }
  }

  private async followBatches(subscription: AllSubscription): Promise<void> {
    const events = subscription[Symbol.asyncIterator]();
    let next = events.next();
    try {
      for (;;) {
        const first = await next;
        if (first.done || this.closed) return;
        this.pending.push(first.value);
        next = events.next();
        // Take what the subscription already holds (delivered before the next turn), without waiting for more.
        const turn = nextTurn();
        for (;;) {
          const ready = await Promise.race([next, turn]);
          if (ready === TURN) break;
          if (ready.done) return;
          this.pending.push(ready.value);
          next = events.next();
          if (this.pending.length >= 5_000) break;
        }
        if (this.pending.some((event) => event.position <= (this.tree.lastPosition ?? -1n))) {
          // Positions went back: the store holds another log now. Nothing more is taken in before it is checked.
          this.pending = [];
          this.trust = 'checking';
          return;
        }
        // In slices, each after what waits in the event loop (the writer's replies): the appends the tree
        // follows are not held up by its hashing.
        while (this.pending.length > 0 && !this.closed) {
          this.flush(FLUSH_SLICE);
          if (this.pending.length > 0) await nextTurn();
        }
        if (this.waiters.length === 0 && !this.closed) await this.rest(FOLLOW_BATCH_MS);
      }
    } finally {
      void next.catch(() => undefined);
    }
  }

  private rest(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeFollower = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => (this.wakeFollower = undefined));
  }

  /** Hashes and stores the first `count` pending events (all by default) in one transaction. */
  private flush(count = this.pending.length): void {
    if (this.pending.length === 0) return;
    const events = this.pending.splice(0, count);
    const last = this.tree.lastPosition ?? -1n;
    this.tree.append(events.filter((event) => event.position > last).map(leafOf));
    const reached = this.tree.lastPosition ?? -1n;
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (waiter.position <= reached) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }

  /** Resolves after a check of the log that started after this call (joined by every caller until it starts). */
  private checkedAfterNow(): Promise<boolean> {
    if (this.queuedCheck === undefined) {
      const after = this.runningCheck ?? Promise.resolve(true);
      this.queuedCheck = after.then(() => {
        this.queuedCheck = undefined;
        const running = this.checkLog().finally(() => {
          if (this.runningCheck === running) this.runningCheck = undefined;
        });
        this.runningCheck = running;
        return running;
      });
    }
    return this.queuedCheck;
  }

  /** A check of the log now, unless one runs (the guard's timer). */
  private checkSoon(): void {
    if (this.closed || this.divergence !== null || this.guarding !== undefined) return;
    this.guarding = this.checkLog().then(
      () => (this.guarding = undefined),
      () => (this.guarding = undefined),
    );
  }

  /**
   * Whether the log still holds, at its position, the last leaf the registry hashed — what every checkpoint
   * it signed ends at or before. One read. A store that does not answer leaves the trust as it was. True when
   * the log is trusted after the check.
   */
  private async checkLog(): Promise<boolean> {
    const size = this.tree.size;
    if (size === 0 || this.difference !== null) {
      this.trust = 'trusted';
      return true;
    }
    const leaf = this.tree.leaf(size - 1)!;
    let found: RecordedEvent | undefined;
    let head: bigint | undefined;
    try {
      [found] = await this.store.readAll({ fromPosition: leaf.position, maxCount: 1 });
      if (found === undefined || found.position !== leaf.position || !leafOf(found).hash.equals(leaf.hash)) {
        head = (await this.store.health()).lastPosition;
      } else {
        if (this.trust === 'checking') this.options.log?.info(`the log still holds leaf ${size - 1} at position ${leaf.position}: following again`);
        this.trust = 'trusted';
        return true;
      }
    } catch (error) {
      if (this.trust === 'checking') this.options.log?.warn(`the log cannot be checked yet: ${(error as Error).message}`);
      // Whatever the store answered, it did not show the leaf: no write goes through (and the trust stays).
      return false;
    }
    if (this.closed || this.divergence !== null) return false;
    const holds =
      found !== undefined && found.position === leaf.position
        ? `another event at position ${leaf.position} (stream ${found.stream}, revision ${found.revision}) where leaf ${size - 1} (stream ${leaf.stream}, revision ${leaf.revision}) was`
        : head === undefined || head === 0n || found === undefined
          ? `${head === undefined || head === 0n ? 'no event at all' : `events up to position ${head} only`}, not leaf ${size - 1} at position ${leaf.position}`
          : `no event at position ${leaf.position} (leaf ${size - 1}), its next one at ${found.position}`;
    this.divergence = new LogDivergedError(this.checkpoints.latest(), size, holds);
    this.trust = 'diverged';
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
    await this.subscription?.close();
    this.options.log?.error(this.divergence.message);
    return false;
  }

  private signIfGrown(): void {
    if (this.difference || this.divergence) return;
    const size = this.tree.size;
    const latest = this.checkpoints.latest();
    if (latest !== null && latest.treeSize >= size) return;
    const rootHash = this.tree.root();
    const note = signNote(formatCheckpoint({ origin: this.options.origin, size, rootHash }), this.signer.name, this.signer.privateKey);
    this.checkpoints.add({ treeSize: size, rootHash, note, signedAt: (this.options.now?.() ?? new Date()).toISOString() });
  }
}
