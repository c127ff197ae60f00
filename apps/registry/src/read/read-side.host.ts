import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { EventStore } from '@registry/event-store';
import { startReadSide, type ReadSide, type RegistryReadModels } from '@registry/projections';
import { type Config, REGISTRY_CONFIG } from '../config';
import { RegistryError } from '../graphql/registry-error';
import { EVENT_STORE } from '../store';

/**
 * Runs the projections for the life of the app. They catch up in onModuleInit, so the server starts
 * listening (and /health answers) only once the read models hold the whole log as it stood at boot; they
 * stop in onModuleDestroy, before the store closes at application shutdown.
 */
@Injectable()
export class ReadSideHost implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('ReadModels');
  private readSide: ReadSide | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REGISTRY_CONFIG) private readonly config: Config,
  ) {}

  async onModuleInit(): Promise<void> {
    const started = Date.now();
    this.readSide = await startReadSide(this.store, this.config.dataDir, {
      log: {
        warn: (message) => this.logger.warn(message),
        error: (message, error) => this.logger.error(`${message}: ${error instanceof Error ? error.message : String(error)}`),
      },
    });
    const { appliedPosition } = this.readSide.runner.status();
    this.logger.log(`read models caught up to position ${appliedPosition} in ${Date.now() - started} ms`);
  }

  async onModuleDestroy(): Promise<void> {
    await this.readSide?.close();
  }

  /** The running read side; before start (or after stop) queries are refused, never answered from nothing. */
  get running(): ReadSide {
    if (this.readSide === undefined) throw new RegistryError('SERVICE_UNAVAILABLE', 'The read models are not running');
    return this.readSide;
  }

  get readModels(): RegistryReadModels {
    return this.running.readModels;
  }

  get started(): boolean {
    return this.readSide !== undefined;
  }
}
