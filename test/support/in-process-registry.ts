import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppSeams } from '../../apps/registry/src/app.module';
import type { Config } from '../../apps/registry/src/config';
import { createRegistryApp } from '../../apps/registry/src/create-app';
import { stopGracefully } from '../../apps/registry/src/graceful-stop';
import { HttpClient } from './http-client';
import { startTestStore } from './test-store';

/** The secret API keys are hashed with, for registries started on EventStoreDB by the tests. */
export const TEST_KEY_SECRET = 'e2e-key-secret-shared-by-every-test-replica';

/** The real registry app, in this process, on a real port and a data directory of its own. */
export interface RunningRegistry {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly http: HttpClient;
  /** Closes the app (and its store) but keeps the data directory. */
  stop(): Promise<void>;
  /** Stops, then starts a new app on the same data directory and log, as after a redeploy, optionally with
   * other settings. */
  restart(config?: Partial<Config>): Promise<RunningRegistry>;
  /** Stops and deletes the data directory. */
  cleanup(): Promise<void>;
}

export interface StartOptions {
  /** Reuse this directory instead of a fresh temp one. */
  dataDir?: string;
  /** Any other setting; port 0, host 127.0.0.1 and a silent log unless given. */
  config?: Partial<Config>;
  /** The clock, the read side's pauses and hooks (kept across restarts). */
  seams?: AppSeams;
}

/**
 * Starts the app on the store the suite runs on (see test-store.ts): on EventStoreDB the test server lives as
 * long as the data directory, so a restart finds the log where it left it.
 */
export async function startRegistry(options: StartOptions = {}): Promise<RunningRegistry> {
  const store = await startTestStore();
  try {
    return await startRegistryOn(store.connectionString, options, () => store.close());
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function startRegistryOn(
  connectionString: string | undefined,
  options: StartOptions,
  closeStore: () => Promise<void>,
): Promise<RunningRegistry> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'registry-e2e-'));
  const config: Partial<Config> = {
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    ...(connectionString ? { eventStoreConnectionString: connectionString } : {}),
    ...options.config,
    dataDir,
  };
  // Replicas on EventStoreDB must be given the key secret (the embedded store generates its own).
  if (config.eventStoreConnectionString !== undefined && config.keySecret === undefined && config.keySecretFile === undefined) {
    config.keySecret = TEST_KEY_SECRET;
  }
  let app: NestFastifyApplication | undefined;
  try {
    app = await createRegistryApp(config, options.seams);
    await app.listen(config.port ?? 0, config.host ?? '127.0.0.1');
  } catch (error) {
    // A half-started app still holds its store (and the data directory's lock).
    await app?.close();
    if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const started = app;
  const address = started.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error(`unexpected server address ${String(address)}`);
  const baseUrl = `http://127.0.0.1:${address.port}`;

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= stopGracefully(started));
  return {
    app: started,
    baseUrl,
    dataDir,
    http: new HttpClient(baseUrl),
    stop,
    restart: async (changes?: Partial<Config>) => {
      await stop();
      return startRegistryOn(connectionString, { ...options, dataDir, config: { ...options.config, ...changes } }, closeStore);
    },
    cleanup: async () => {
      await stop();
      await closeStore();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
