import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { type Config, loadConfig } from './config';
import { fastifyLoggerOptions, PinoNestLogger } from './config/logging';

/**
 * Builds the registry (not listening yet) from the environment, with `overrides` for tests. Throws
 * ConfigError on a bad setting, and EventStoreUnavailableError when the store cannot be opened.
 */
export async function createRegistryApp(overrides: Partial<Config> = {}): Promise<NestFastifyApplication> {
  const config = loadConfig(process.env, overrides);
  const adapter = new FastifyAdapter({ logger: fastifyLoggerOptions(config.logLevel) });
  const logger = new PinoNestLogger(adapter.getInstance().log);
  return NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, { logger, abortOnError: false });
}
