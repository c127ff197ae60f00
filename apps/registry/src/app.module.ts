import { type DynamicModule, Module } from '@nestjs/common';
import type { EventStore } from '@registry/event-store';
import { type Config, ConfigModule } from './config';
import { HealthModule } from './health/health.module';
import { StoreModule } from './store';

/** The registry's root module: configuration and the event store first, then the features that use them. */
@Module({})
export class AppModule {
  static register(config: Config, store: EventStore): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.register(config), StoreModule.register(store), HealthModule],
    };
  }
}
