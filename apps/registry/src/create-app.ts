import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createEventStore } from '@registry/event-store';
import { AppModule } from './app.module';
import { type Config, loadConfig } from './config';
import { fastifyLoggerOptions, PinoNestLogger } from './config/logging';
import { registerGraphiql } from './graphql/graphiql';
import { loadLimits, registerLimits } from './limits';

/**
 * Builds the registry (not listening yet) from the environment, with `overrides` for tests. Throws
 * ConfigError on a bad setting, and EventStoreUnavailableError when the store cannot be opened.
 * The store is closed by the app's shutdown (`app.close()`, or a signal once shutdown hooks are enabled).
 */
export async function createRegistryApp(overrides: Partial<Config> = {}): Promise<NestFastifyApplication> {
  const config = loadConfig(process.env, overrides);
  const limits = loadLimits(process.env);
  const store = await createEventStore({ dataDir: config.dataDir, connectionString: config.eventStoreConnectionString });
  try {
    const adapter = new FastifyAdapter({ logger: fastifyLoggerOptions(config.logLevel) });
    const logger = new PinoNestLogger(adapter.getInstance().log);
    const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, store), adapter, {
      logger,
      abortOnError: false,
    });
    await registerLimits(app, limits);
    registerGraphiql(app.getHttpAdapter().getInstance());
    return app;
  } catch (error) {
    await store.close();
    throw error;
  }
}
