import { type DynamicModule, Module } from '@nestjs/common';
import type { EventStore } from '@registry/event-store';
import { AuthModule } from './auth';
import { type Config, ConfigModule } from './config';
import { GraphqlPlatformModule } from './graphql/graphql-platform.module';
import { HealthModule } from './health/health.module';
import { ReadModule } from './read/read.module';
import { StoreModule } from './store';
import { WriteModule } from './write/write.module';

/** The registry's root module: configuration and the event store first, then the features that use them. */
@Module({})
export class AppModule {
  static register(config: Config, store: EventStore): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        StoreModule.register(store),
        HealthModule,
        GraphqlPlatformModule,
        AuthModule,
        ReadModule,
        WriteModule,
      ],
    };
  }
}
