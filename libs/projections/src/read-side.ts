import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { pause, type EventStore } from '@registry/event-store';
import { ReadModelsRebuildingError } from './errors';
import { ProjectionRunner, type ProjectionRunnerOptions, type RunnerState } from './projection-runner';
import { Projector } from './projector';
import { rebuildReadModels, type RebuildProgress } from './rebuild-read-models';
import { ReadModelSampler, type SamplerCounts } from './read-model-sampler';
import { REGISTRY_PROJECTIONS } from './registry/registry-projections';
import { RegistryReadModels } from './registry/registry-read-models';
import { SkillsReadModels } from './skills/skills-read-models';
import { consumeCleanMark, isReadModelCorruption, markClosedCleanly, moveReadModelFileAside, quickCheckReadModelFile } from './sqlite/read-model-faults';
import { openReadModelFile, readModelsPath } from './sqlite/read-model-file';

/** `rebuilding`: the file was found damaged (or a sample disagreed with the log) and is rebuilt from the log
 * in the background; queries are answered ReadModelsRebuildingError until it is done. */
export type ReadSideState = RunnerState | 'rebuilding';

/** One repair the read side made on its own: why, and when. */
export interface ReadSideRepair {
  kind: 'corruption' | 'mismatch';
  reason: string;
  at: Date;
}

export interface ReadSideStatus {
  state: ReadSideState;
  appliedPosition: bigint;
  failure?: string;
  problem?: string;
  rebuild?: { reason: string } & RebuildProgress;
  /** The last repairs, oldest first (at most 20). */
  repairs: readonly ReadSideRepair[];
  /** How many repairs of each kind since start. */
  repairCounts: Readonly<Record<ReadSideRepair['kind'], number>>;
  /** The background comparison of random documents with the log. */
  sampler: SamplerCounts;
}

export interface ReadSideOptions extends ProjectionRunnerOptions {
  /** Pause before a failed background rebuild (a full disk) is tried again. */
  rebuildRetryMs?: number;
  /** How often a few random documents are re-derived from the log and compared (0: never). */
  sampleEveryMs?: number;
  /** Documents compared per round. */
  sampleSize?: number;
  /** Called with each live connection as it opens: tests set SQLite's limits on it (a full disk, on demand). */
  onOpen?: (db: Database.Database) => void;
  /** What a query refused while rebuilding throws (the app throws its own API error); the error itself by default. */
  refusal?: (error: ReadModelsRebuildingError) => Error;
}

const REBUILD_RETRY_MS = 5_000;
const SAMPLE_EVERY_MS = 60_000;
const SAMPLE_SIZE = 6;
const KEPT_REPAIRS = 20;

/**
 * The running read side of one registry process: its projections kept up to date, their queries, and the
 * repairs it makes on its own. A read-model file is derived data: when it is found damaged — `quick_check`
 * at start, SQLITE_CORRUPT (or a document that no longer parses) at run time — it is moved aside and rebuilt
 * from the log in the background while queries are answered ReadModelsRebuildingError with the progress.
 */
export class ReadSide {
  private current:
    | { db: Database.Database; runner: ProjectionRunner; readModels: RegistryReadModels; skills: SkillsReadModels; sampler: ReadModelSampler; sampling?: NodeJS.Timeout }
    | undefined;
  private readonly samplerCounts: SamplerCounts = { checked: 0, mismatches: 0 };
  private rebuild: ({ reason: string } & RebuildProgress) | undefined;
  private rebuilding: Promise<void> | undefined;
  private readonly repairLog: ReadSideRepair[] = [];
  private readonly repairCounts: Record<ReadSideRepair['kind'], number> = { corruption: 0, mismatch: 0 };
  private readonly stopSignal = new AbortController();
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly store: EventStore,
    private readonly dataDir: string,
    private readonly options: ReadSideOptions,
  ) {}

  /**
   * Opens (or creates) `read-models.sqlite` in the data directory, resumes every projection from its checkpoint
   * and resolves once they have caught up with the log as it stands; then keeps following it. With no read
   * models at all (a new replica, a deleted file) they are first built the way a rebuild builds them, on two
   * cores. A damaged file is moved aside and rebuilt in the background: this resolves at once, in `rebuilding`.
   * Throws ReadModelsInUseError when another process has the file.
   */
  static async start(store: EventStore, dataDir: string, options: ReadSideOptions = {}): Promise<ReadSide> {
    const readSide = new ReadSide(store, dataDir, options);
    const file = readModelsPath(dataDir);
    if (!existsSync(file)) {
      await rebuildReadModels(store, dataDir);
    } else if (!consumeCleanMark(file)) {
      const damage = quickCheckReadModelFile(file);
      if (damage !== null) {
        readSide.repair('corruption', `quick_check at start: ${damage}`);
        return readSide;
      }
    }
    try {
      await readSide.open();
    } catch (error) {
      if (!isReadModelCorruption(error)) throw error;
      readSide.repair('corruption', `while catching up at start: ${messageOf(error)}`);
    }
    return readSide;
  }

  /** The queries. While rebuilding they are refused with ReadModelsRebuildingError; a damaged page met by a
   * query starts the repair and refuses that query the same way. */
  get readModels(): RegistryReadModels {
    return this.running().readModels;
  }

  /** The skills context's queries, refused the same way while rebuilding. */
  get skills(): SkillsReadModels {
    return this.running().skills;
  }

  /** The projection runner of the current file; ReadModelsRebuildingError while there is none. */
  get runner(): ProjectionRunner {
    return this.running().runner;
  }

  status(): ReadSideStatus {
    const common = { repairs: [...this.repairLog], repairCounts: { ...this.repairCounts }, sampler: { ...this.samplerCounts } };
    if (this.rebuild !== undefined) return { state: 'rebuilding', appliedPosition: this.rebuild.position, rebuild: { ...this.rebuild }, ...common };
    if (this.current === undefined) return { state: this.closing ? 'stopped' : 'starting', appliedPosition: 0n, ...common };
    return { ...this.current.runner.status(), ...common };
  }

  /** status().appliedPosition without copying the repairs and counters: every answer asks it (bench row 4). */
  appliedPosition(): bigint {
    if (this.rebuild !== undefined) return this.rebuild.position;
    return this.current?.runner.appliedPosition() ?? 0n;
  }

  /** False while writes could not be followed by the read models: refuse them before appending anything. */
  canFollow(): boolean {
    return this.rebuild === undefined && this.current !== undefined && this.current.runner.canFollow();
  }

  /**
   * Rebuilds the read models from the log in the background, a damaged file first moved aside (once: a repair
   * asked for while one runs joins it). Queries and writes are refused until the new file has caught up.
   */
  repair(kind: ReadSideRepair['kind'], reason: string): void {
    if (this.rebuilding !== undefined || this.closing !== undefined) return;
    this.repairLog.push({ kind, reason, at: new Date() });
    this.repairCounts[kind] += 1;
    if (this.repairLog.length > KEPT_REPAIRS) this.repairLog.shift();
    this.options.log?.warn(`the read models are rebuilt from the log: ${reason}`);
    this.rebuild = { reason, position: 0n, head: 0n, events: 0 };
    this.rebuilding = this.rebuildInBackground(kind).finally(() => {
      this.rebuilding = undefined;
    });
  }

  /** Stops following the log (and any rebuild) and closes the file; the store stays open. */
  close(): Promise<void> {
    return (this.closing ??= this.shutDown());
  }

  private running(): NonNullable<ReadSide['current']> {
    if (this.rebuild !== undefined) throw this.rebuildingError();
    if (this.current === undefined) throw this.rebuildingError();
    return this.current;
  }

  private rebuildingError(): Error {
    const { reason, position, head, events } = this.rebuild ?? { reason: 'starting', position: 0n, head: 0n, events: 0 };
    const error = new ReadModelsRebuildingError(reason, { position, head, events });
    return this.options.refusal?.(error) ?? error;
  }

  private async open(): Promise<void> {
    const db = openReadModelFile(readModelsPath(this.dataDir), 'live');
    try {
      this.options.onOpen?.(db);
      const projector = new Projector(db, REGISTRY_PROJECTIONS);
      const runner = new ProjectionRunner(this.store, projector, {
        ...this.options,
        onCorruption: (error) => this.repair('corruption', `at run time: ${messageOf(error)}`),
      });
      const readModels = this.guarded(new RegistryReadModels(projector));
      const skills = this.guarded(new SkillsReadModels(projector));
      const sampler = new ReadModelSampler(this.store, projector, this.samplerCounts);
      this.current = { db, runner, readModels, skills, sampler };
      await runner.start();
      this.scheduleSampling();
    } catch (error) {
      this.current = undefined;
      db.close();
      throw error;
    }
  }

  private async rebuildInBackground(kind: ReadSideRepair['kind']): Promise<void> {
    await this.closeCurrent();
    const file = readModelsPath(this.dataDir);
    if (kind === 'corruption') moveReadModelFileAside(file);
    while (!this.stopSignal.signal.aborted) {
      try {
        await rebuildReadModels(this.store, this.dataDir, {
          signal: this.stopSignal.signal,
          onProgress: (progress) => {
            if (this.rebuild !== undefined) this.rebuild = { ...this.rebuild, ...progress };
          },
        });
        await this.open();
        this.rebuild = undefined;
        this.options.log?.warn(`the read models were rebuilt and caught up to position ${this.current?.runner.appliedPosition() ?? 0n}`);
        return;
      } catch (error) {
        if (this.stopSignal.signal.aborted) return;
        this.options.log?.error('the rebuild of the read models failed; trying again', error);
        if (isReadModelCorruption(error)) moveReadModelFileAside(file);
        await pause(this.options.rebuildRetryMs ?? REBUILD_RETRY_MS, this.stopSignal.signal);
      }
    }
  }

  private scheduleSampling(): void {
    const every = this.options.sampleEveryMs ?? SAMPLE_EVERY_MS;
    const current = this.current;
    if (every <= 0 || current === undefined) return;
    current.sampling = setTimeout(() => {
      void this.sampleOnce(current).finally(() => {
        if (this.current === current) this.scheduleSampling();
      });
    }, every);
    current.sampling.unref();
  }

  /** One round of the sampler; a document that differs from the log gets the read models rebuilt. */
  private async sampleOnce(current: NonNullable<ReadSide['current']>): Promise<void> {
    if (current.runner.status().state !== 'live') return;
    try {
      const mismatch = await current.sampler.round(this.options.sampleSize ?? SAMPLE_SIZE);
      if (mismatch === undefined || this.current !== current) return;
      // Which document, not its content: documents hold holders' names, which logs must not repeat.
      this.repair('mismatch', `the ${mismatch.projection} document ${mismatch.id} differs from what the log gives`);
    } catch (error) {
      if (this.current !== current) return;
      if (isReadModelCorruption(error)) this.repair('corruption', `the sampler met a damaged read-model file: ${messageOf(error)}`);
      else this.options.log?.warn(`the read-model sampler could not compare: ${messageOf(error)}`);
    }
  }

  private async closeCurrent(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    if (current === undefined) return;
    clearTimeout(current.sampling);
    await current.runner.stop();
    current.db.close();
  }

  private async shutDown(): Promise<void> {
    this.stopSignal.abort();
    await this.rebuilding;
    const wasOpen = this.current !== undefined;
    await this.closeCurrent();
    if (wasOpen) markClosedCleanly(readModelsPath(this.dataDir));
  }

  /** The queries, with a damaged page turned into a repair and a refusal instead of a wrong answer or a stack. */
  private guarded<T extends object>(readModels: T): T {
    return new Proxy(readModels, {
      get: (target, key, receiver) => {
        const value: unknown = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]): unknown => {
          try {
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          } catch (error) {
            if (!isReadModelCorruption(error)) throw error;
            this.repair('corruption', `a query met a damaged read-model file: ${messageOf(error)}`);
            throw this.rebuildingError();
          }
        };
      },
    });
  }
}

/** The function the app and the tests call: see ReadSide.start. */
export function startReadSide(store: EventStore, dataDir: string, options: ReadSideOptions = {}): Promise<ReadSide> {
  return ReadSide.start(store, dataDir, options);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
