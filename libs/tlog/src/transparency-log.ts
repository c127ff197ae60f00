import { canonicalEventBytes } from '@registry/domain/log/canonical-event';
import type { AllSubscription, EventStore } from '@registry/event-store';
import { existsSync } from 'node:fs';
import { compareLogWithTree } from './compare-log';
import { leafOf } from './leaf-of';
import { describeDifference, TamperedLogError, type LogDifference } from './log-difference';
import { formatCheckpoint, parseSignatureLine, signNote, verifyCosignature, type VerifierKey } from './note';
import { CheckpointFile, checkpointsPath, type StoredCheckpoint } from './sqlite/checkpoint-file';
import { LogTreeFile, logTreePath, type TreeLeaf } from './sqlite/log-tree-file';
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
  log?: { info(message: string): void; warn(message: string): void; error(message: string): void };
  now?: () => Date;
}

export type LogState = 'verified' | 'tampered';

export interface LogStatus {
  status: LogState;
  treeSize: number;
  checkpointSize: number;
  /** Set when tampered: the first leaf that differs, in one sentence. */
  detail?: string;
  /** Whether the full pass over the whole log has run since start (it runs in the background on big logs). */
  fullyVerified: boolean;
}

export interface LogEntry {
  leafIndex: number;
  /** The event's canonical bytes (RFC 8785 JSON). */
  canonical: string;
}

export type CosignatureResult = { ok: true; witness: string; treeSize: number } | { ok: false; reason: string };

const DEFAULT_FULL_PASS_LIMIT = 100_000;
const WAIT_MS = 5_000;
const RETRY_MS = 1_000;

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
  private pending: TreeLeaf[] = [];
  private flushScheduled = false;
  private waiters: { position: bigint; resolve(): void }[] = [];

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
    return {
      status: this.difference ? 'tampered' : 'verified',
      treeSize: this.tree.size,
      checkpointSize: this.checkpoints.latest()?.treeSize ?? 0,
      ...(this.difference ? { detail: describeDifference(this.difference) } : {}),
      fullyVerified: this.fullyVerified,
    };
  }

  get tampered(): boolean {
    return this.difference !== null;
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
    try {
      await this.subscription?.close();
      await this.following;
      await this.background;
      this.flush();
      if (!this.difference) {
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
      if (!this.options.allowTampered) throw new TamperedLogError(difference);
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

  private async follow(): Promise<void> {
    while (!this.closed) {
      const subscription = this.store.subscribeToAll({ fromPosition: this.tree.lastPosition ?? 'start' });
      this.subscription = subscription;
      try {
        for await (const event of subscription) {
          if (this.closed) break;
          this.pending.push(leafOf(event));
          if (this.pending.length >= 1_000) this.flush();
          else if (!this.flushScheduled) {
            this.flushScheduled = true;
            setImmediate(() => this.flush());
          }
        }
      } catch (error) {
        if (this.closed) return;
        this.options.log?.warn(`the log's subscription broke (${(error as Error).message}); following again in ${RETRY_MS} ms`);
        this.flush();
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      }
      if (!this.closed) this.flush();
      if (!this.closed) await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0 || !this.tree) return;
    const leaves = this.pending;
    this.pending = [];
    const last = this.tree.lastPosition ?? -1n;
    this.tree.append(leaves.filter((leaf) => leaf.position > last));
    const reached = this.tree.lastPosition ?? -1n;
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (waiter.position <= reached) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }

  private signIfGrown(): void {
    if (this.difference) return;
    const size = this.tree.size;
    const latest = this.checkpoints.latest();
    if (latest !== null && latest.treeSize >= size) return;
    const rootHash = this.tree.root();
    const note = signNote(formatCheckpoint({ origin: this.options.origin, size, rootHash }), this.signer.name, this.signer.privateKey);
    this.checkpoints.add({ treeSize: size, rootHash, note, signedAt: (this.options.now?.() ?? new Date()).toISOString() });
  }
}
