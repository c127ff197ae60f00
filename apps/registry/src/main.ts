import 'reflect-metadata';
import { EventStoreUnavailableError } from '@registry/event-store';
import { ReadModelsInUseError } from '@registry/projections';
import { type Config, ConfigError, REGISTRY_CONFIG } from './config';
import { createRegistryApp } from './create-app';

async function main(): Promise<void> {
  const app = await createRegistryApp();
  app.enableShutdownHooks();
  const config = app.get<Config>(REGISTRY_CONFIG);
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  // Refusals a person can fix get one line, not a stack trace.
  if (error instanceof ConfigError || error instanceof EventStoreUnavailableError || error instanceof ReadModelsInUseError) {
    process.stderr.write(`registry: ${error.message}\n`);
  } else {
    process.stderr.write(`registry: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
