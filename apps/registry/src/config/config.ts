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
  /** REGISTRY_KEY_SECRET: the secret API keys are hashed with (HMAC); the same on every replica. */
  keySecret?: string;
  /** REGISTRY_KEY_SECRET_FILE: a file holding that secret. Neither set: generated into the data directory of the
   * embedded store; required on EventStoreDB. */
  keySecretFile?: string;
  /** LOG_LEVEL, default info. */
  logLevel: LogLevel;
  /** REGISTRY_LOG_ORIGIN: the origin line of the signed checkpoints, also the signing key's name. */
  logOrigin: string;
  /** REGISTRY_SIGNING_KEY_FILE: the Ed25519 checkpoint key (PKCS#8 PEM); unset, one is generated into the data directory. */
  signingKeyFile?: string;
  /** REGISTRY_VERIFY_LOG_AT_START: `auto` (default), `full` or `incremental`. */
  verifyLogAtStart: 'auto' | 'full' | 'incremental';
  /**
   * REGISTRY_PUBLIC_URL: the address people reach the registry at (`https://registry.example.org`, no trailing
   * slash), which the QR codes, printouts and PDFs link to. Unset: `http://localhost:<the port it listens on>`.
   * Never taken from a request's Host header, which the caller writes.
   */
  publicUrl?: string;
  /** `--allow-tampered-log` on the command line: serve a log that does not match its checkpoints, flagged. */
  allowTamperedLog: boolean;
}

export const DEFAULT_LOG_ORIGIN = 'mutual-recognition-registry/log';

/** Injection token for the validated Config. */
export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
