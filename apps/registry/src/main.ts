import 'reflect-metadata';
import { EventStoreUnavailableError } from '@registry/event-store';
import { ReadModelsInUseError } from '@registry/projections';
import { TamperedLogError } from '@registry/tlog';
import { type Config, ConfigError, loadConfig, REGISTRY_CONFIG } from './config';
import { createRegistryApp } from './create-app';
import { stopGracefully } from './graceful-stop';
import { openWhenTheStoreAnswers } from './wait-for-store';

async function main(): Promise<void> {
  // Every file the registry creates (the log, its WAL, read models, the lock, the signing key) is its user's only.
  process.umask(0o077);
  // The one command-line flag: serving a log that no longer matches its signed checkpoints must be asked for.
  const overrides = process.argv.includes('--allow-tampered-log') ? { allowTamperedLog: true } : {};
  const { app, port } = await openWhenTheStoreAnswers(loadConfig(process.env, overrides), () => createRegistryApp(overrides), (line) =>
    process.stderr.write(`registry: ${line}\n`),
  );
  const config = app.get<Config>(REGISTRY_CONFIG);
  await app.listen(port, config.host);
  // Not Nest's shutdown hooks: they stop the read side and the store before HTTP has drained.
  let stopping: Promise<void> | undefined;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping !== undefined) return;
    process.stderr.write(`registry: ${signal}: draining requests in flight, then stopping\n`);
    stopping = stopGracefully(app).then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`registry: stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  // Refusals a person can fix get one line, not a stack trace.
  if (error instanceof ConfigError ||
    error instanceof EventStoreUnavailableError ||
    error instanceof ReadModelsInUseError ||
    error instanceof TamperedLogError) {
    process.stderr.write(`registry: ${error.message}\n`);
  } else {
    process.stderr.write(`registry: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
