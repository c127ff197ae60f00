import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { createEventStore, type EventStore } from '@registry/event-store';
import { type Config, REGISTRY_CONFIG } from '../config';
import { EVENT_STORE } from './event-store.token';

/**
 * Closes the store at application shutdown. That hook runs after every module's onModuleDestroy, so
 * subscribers (projections) stop in onModuleDestroy and the store they read from outlives them.
 */
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Provides the event store chosen by configuration: EventStoreDB when a connection string is set, else embedded. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [REGISTRY_CONFIG],
      useFactory: (config: Config): Promise<EventStore> =>
        createEventStore({ dataDir: config.dataDir, connectionString: config.eventStoreConnectionString }),
    },
    EventStoreCloser,
  ],
  exports: [EVENT_STORE],
})
export class StoreModule {}
