export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The registry's configuration, read once from the environment at start. */
export interface Config {
  /** PORT, default 3000. 0 picks a free port (tests). */
  port: number;
  /** HOST, default 0.0.0.0. */
  host: string;
  /** REGISTRY_DATA_DIR, default ./data: where the embedded store keeps its file. */
  dataDir: string;
  /** EVENTSTORE_CONNECTION_STRING: when set, the log lives in EventStoreDB instead of the embedded store. */
  eventStoreConnectionString?: string;
  /** REGISTRY_ADMIN_KEY: the bootstrap administrator's API key, if any. */
  adminKey?: string;
  /** LOG_LEVEL, default info. */
  logLevel: LogLevel;
}

/** Injection token for the validated Config. */
export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
