import { type DynamicModule, Module } from '@nestjs/common';
import { type Config, ConfigModule } from './config';
import { HealthModule } from './health/health.module';
import { StoreModule } from './store';

/** The registry's root module: configuration and the event store first, then the features that use them. */
@Module({})
export class AppModule {
  static register(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.register(config), StoreModule, HealthModule],
    };
  }
}
