import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { createEventStore } from '@registry/event-store';
import { TransparencyLog } from '@registry/tlog';
import type { FastifyInstance } from 'fastify';
import { AppModule, type AppSeams } from './app.module';
import { loadKeySecret } from './auth';
import { SystemClock } from './clock';
import { type Config, loadConfig } from './config';
import { fastifyLoggerOptions, PinoNestLogger } from './config/logging';
import { registerGracefulStop } from './graceful-stop';
import { registerGraphiql } from './graphql/graphiql';
import { loadLimits, registerLimits } from './limits';
import { refuseWhenLogDiverged } from './transparency/refuse-when-diverged';
import { flagAnswersWhenTampered } from './transparency/tampered-flag';
import { registerVerificationPages } from './verification/register-verification';

const MAX_PATH_SEGMENT = 16 * 1024;

/**
 * Builds the registry (not listening yet) from the environment, with `overrides` for tests. Throws
 * ConfigError on a bad setting, EventStoreUnavailableError when the store cannot be opened, and
 * TamperedLogError when the log no longer matches the checkpoints the registry signed.
 * The store is closed by the app's shutdown (`app.close()`, or a signal once shutdown hooks are enabled).
 */
export async function createRegistryApp(overrides: Partial<Config> = {}, seams: AppSeams = {}): Promise<NestFastifyApplication> {
  const config = loadConfig(process.env, overrides);
  const limits = loadLimits(process.env);
  // Checked before connecting: a replica missing its key secret is refused at once, not once the store answers.
  if (config.eventStoreConnectionString !== undefined) loadKeySecret(config);
  // One clock for what the app records and answers, the log's checkpoint times included.
  const clock = seams.clock ?? new SystemClock();
  const store = await createEventStore({ dataDir: config.dataDir, connectionString: config.eventStoreConnectionString });
  let log: TransparencyLog | undefined;
  try {
    const adapter = new FastifyAdapter({
      logger: fastifyLoggerOptions(config.logLevel),
      // Fastify answers a path segment over 100 characters itself, with a bare 414 before any hook (no rate limit,
      // no page in the reader's language). Node's 16 kB header limit bounds a URL anyway: let such a segment reach
      // its route, which refuses it as it refuses any bad input.
      routerOptions: { maxParamLength: MAX_PATH_SEGMENT },
    });
    const pino = adapter.getInstance().log;
    const logger = new PinoNestLogger(pino);
    // Checked before anything reads the log: a log altered since it was signed is refused with one message.
    log = await TransparencyLog.open(store, config.dataDir, {
      origin: config.logOrigin,
      signingKeyFile: config.signingKeyFile,
      verifyAtStart: config.verifyLogAtStart,
      allowTampered: config.allowTamperedLog,
      soleWriter: config.eventStoreConnectionString === undefined,
      log: { info: (message) => pino.info(message), warn: (message) => pino.warn(message), error: (message) => pino.error(message) },
      now: () => clock.now(),
    });
    // The app writes through the log's guard: no append while the log is unchecked after a lost connection, or diverged.
    const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, log.guard(store), log, { ...seams, clock }), adapter, {
      logger,
      abortOnError: false,
    });
    registerGracefulStop(app);
    await registerLimits(app, limits);
    flagAnswersWhenTampered(app.getHttpAdapter().getInstance(), log);
    refuseWhenLogDiverged(app.getHttpAdapter().getInstance() as unknown as FastifyInstance, log);
    registerGraphiql(app.getHttpAdapter().getInstance());
    await registerVerificationPages(app.getHttpAdapter().getInstance() as unknown as FastifyInstance, {
      bodyLimitBytes: limits.bodyLimitBytes,
      publicUrl: config.publicUrl,
      log,
      clock,
    });
    return app;
  } catch (error) {
    await log?.close();
    await store.close();
    throw error;
  }
}
