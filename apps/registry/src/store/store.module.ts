import { type DynamicModule, Global, Inject, Module, type OnApplicationShutdown, Optional } from '@nestjs/common';
import type { EventStore } from '@registry/event-store';
import type { TransparencyLog } from '@registry/tlog';
import { TRANSPARENCY_LOG } from '../transparency/transparency-log.token';
import { EVENT_STORE } from './event-store.token';
import { LogWrites } from './log-writes';

/**
 * Closes the store at application shutdown. That hook runs after every module's onModuleDestroy, so
 * subscribers (projections) stop in onModuleDestroy and the store they read from outlives them. It also runs
 * after the HTTP server has closed, so the log's last checkpoint and its record of a clean stop, written just
 * before, cover every append: nothing the registry writes can follow them and pass for an append from outside.
 */
class EventStoreCloser implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog | null,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.log?.close();
    } finally {
      await this.store.close();
    }
  }
}

/**
 * Provides an already opened store as EVENT_STORE. It is opened before Nest starts (see create-app.ts) so a
 * refusal — the data directory held by another process — reaches the operator as one plain message.
 */
@Global()
@Module({})
export class StoreModule {
  static register(store: EventStore): DynamicModule {
    return {
      module: StoreModule,
      providers: [{ provide: EVENT_STORE, useValue: store }, EventStoreCloser, LogWrites],
      exports: [EVENT_STORE, LogWrites],
    };
  }
}
