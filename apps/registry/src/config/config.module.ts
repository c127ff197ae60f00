import { type DynamicModule, Global, Module } from '@nestjs/common';
import { type Config, REGISTRY_CONFIG } from './config';

/** Makes the validated Config injectable everywhere as REGISTRY_CONFIG. */
@Global()
@Module({})
export class ConfigModule {
  static register(config: Config): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: REGISTRY_CONFIG, useValue: config }], exports: [REGISTRY_CONFIG] };
  }
}
