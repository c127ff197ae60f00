import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@registry/event-store';
import type { TransparencyLog } from '@registry/tlog';
import type { ReadSideOptions } from '@registry/projections';
import { AuthModule } from './auth';
import { ClockModule, type Clock } from './clock';
import { type Config, ConfigModule } from './config';
import { GraphqlPlatformModule } from './graphql/graphql-platform.module';
import { HealthModule } from './health/health.module';
import { ReadModule } from './read/read.module';
import { NotifyModule } from './notify/notify.module';
import { ProcessManagersModule } from './process-managers/process-managers.module';
import { StoreModule } from './store';
import { TransparencyModule } from './transparency/transparency.module';
import { WriteModule } from './write/write.module';

/** What tests may replace besides the configuration: the clock, and the read side's retry pauses. */
export interface AppSeams {
  clock?: Clock;
  readSide?: ReadSideOptions;
}

/** The registry's root module: configuration and the event store first, then the features that use them. */
@Module({})
export class AppModule {
  static register(config: Config, store: EventStore, log: TransparencyLog, seams: AppSeams = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.register(config),
        ClockModule.register(seams.clock),
        // The app's one CommandBus and EventBus (global). Commands: every write (write/README.md). Events reach the
        // EventBus only from the durable log subscription, never from the write path (ARCHITECTURE.md).
        CqrsModule.forRoot(),
        StoreModule.register(store),
        TransparencyModule.register(log),
        HealthModule,
        GraphqlPlatformModule,
        AuthModule,
        ReadModule.register({ readSide: seams.readSide }),
        NotifyModule,
        WriteModule.register(),
        ProcessManagersModule,
      ],
    };
  }
}
