import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@registry/event-store';
import {
  ReadModelsRebuildingError,
  startReadSide,
  type ReadSide,
  type ReadSideOptions,
  type ReadSideStatus,
  type RegistryReadModels,
} from '@registry/projections';
import { type Config, REGISTRY_CONFIG } from '../config';
import { ApplicationError } from '../errors';
import { EVENT_STORE } from '../store';

/** Tuning of the read side for tests (short back-off); the defaults serve production. */
export const READ_SIDE_OPTIONS = Symbol('READ_SIDE_OPTIONS');

/** SERVICE_UNAVAILABLE with `reason: REBUILDING` and where the rebuild stands. */
export function rebuildingRefusal(error: ReadModelsRebuildingError): ApplicationError {
  return new ApplicationError('SERVICE_UNAVAILABLE', `${error.message}; try again shortly`, {
    reason: 'REBUILDING',
    progress: { position: String(error.progress.position), head: String(error.progress.head), events: error.progress.events },
  });
}

/**
 * Runs the projections for the life of the app. They catch up in onModuleInit, so the server starts
 * listening (and /health answers) only once the read models hold the whole log as it stood at boot — unless
 * the file was found damaged: then it listens at once and answers `REBUILDING` until the rebuild is done.
 * They stop in onModuleDestroy, before the store closes at application shutdown.
 */
@Injectable()
export class ReadSideHost implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ReadModels');
  private readSide: ReadSide | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REGISTRY_CONFIG) private readonly config: Config,
    @Inject(READ_SIDE_OPTIONS) private readonly options: ReadSideOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    this.readSide = await startReadSide(this.store, this.config.dataDir, {
      ...this.options,
      refusal: rebuildingRefusal,
      log: {
        warn: (message) => this.logger.warn(message),
        error: (message, error) => this.logger.error(`${message}: ${error instanceof Error ? error.message : String(error)}`),
      },
    });
    const { state, appliedPosition } = this.readSide.status();
    this.logger.log(`read models ${state === 'rebuilding' ? 'rebuilding' : `caught up to position ${appliedPosition}`} in ${Date.now() - started} ms`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.readSide?.close();
  }

  /** The running read side; before start (or after stop) queries are refused, never answered from nothing. */
  get running(): ReadSide {
    if (this.readSide === undefined) throw new ApplicationError('SERVICE_UNAVAILABLE', 'The read models are not running');
    return this.readSide;
  }

  /** The queries; SERVICE_UNAVAILABLE (`REBUILDING`) while the read models are rebuilt. */
  get readModels(): RegistryReadModels {
    try {
      return this.running.readModels;
    } catch (error) {
      throw error instanceof ReadModelsRebuildingError ? rebuildingRefusal(error) : error;
    }
  }

  get started(): boolean {
    return this.readSide !== undefined;
  }

  /** status().appliedPosition, for every answer without building the whole status. */
  appliedPosition(): bigint {
    return this.readSide?.appliedPosition() ?? 0n;
  }

  status(): ReadSideStatus {
    return this.readSide?.status() ?? {
      state: 'starting',
      appliedPosition: 0n,
      repairs: [],
      repairCounts: { corruption: 0, mismatch: 0 },
      sampler: { checked: 0, mismatches: 0 },
    };
  }
}
