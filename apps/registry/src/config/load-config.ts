import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Config } from './config';
import { EnvironmentVariables } from './environment-variables';

/** Start-up refused because of the configuration. The message is meant for the person starting the registry. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

/** Validates the environment (and test overrides, checked by the same rules) into a Config, or throws ConfigError. */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const raw: Env = { ...withoutBlanks(pick(env)), ...asEnvironment(overrides) };
  const variables = plainToInstance(EnvironmentVariables, raw, { exposeDefaultValues: true });
  // One message per variable: the first rule it breaks says enough.
  const problems = validateSync(variables, { forbidUnknownValues: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).slice(0, 1),
  );
  if (variables.REGISTRY_KEY_SECRET !== undefined && variables.REGISTRY_KEY_SECRET_FILE !== undefined) {
    problems.push('set REGISTRY_KEY_SECRET or REGISTRY_KEY_SECRET_FILE, not both');
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  return {
    port: variables.PORT,
    host: variables.HOST,
    dataDir: variables.REGISTRY_DATA_DIR,
    eventStoreConnectionString: variables.EVENTSTORE_CONNECTION_STRING,
    adminKey: variables.REGISTRY_ADMIN_KEY,
    keySecret: variables.REGISTRY_KEY_SECRET,
    keySecretFile: variables.REGISTRY_KEY_SECRET_FILE,
    logLevel: variables.LOG_LEVEL,
    logOrigin: variables.REGISTRY_LOG_ORIGIN,
    signingKeyFile: variables.REGISTRY_SIGNING_KEY_FILE,
    verifyLogAtStart: variables.REGISTRY_VERIFY_LOG_AT_START,
    publicUrl: variables.REGISTRY_PUBLIC_URL?.replace(/\/+$/, ''),
    // A command-line flag, not a variable: serving a tampered log must be asked for each time.
    allowTamperedLog: overrides.allowTamperedLog ?? false,
  };
}

const NAMES = [
  'PORT',
  'HOST',
  'REGISTRY_DATA_DIR',
  'EVENTSTORE_CONNECTION_STRING',
  'REGISTRY_ADMIN_KEY',
  'REGISTRY_KEY_SECRET',
  'REGISTRY_KEY_SECRET_FILE',
  'LOG_LEVEL',
  'REGISTRY_LOG_ORIGIN',
  'REGISTRY_SIGNING_KEY_FILE',
  'REGISTRY_VERIFY_LOG_AT_START',
  'REGISTRY_PUBLIC_URL',
] as const;

function pick(env: Env): Env {
  return Object.fromEntries(NAMES.map((name) => [name, env[name]]));
}

/** An empty variable (`PORT=`) means "not set", as shells and compose files tend to produce them. */
function withoutBlanks(env: Env): Env {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
}

function asEnvironment(overrides: Partial<Config>): Env {
  const env: Env = {};
  if (overrides.port !== undefined) env.PORT = String(overrides.port);
  if (overrides.host !== undefined) env.HOST = overrides.host;
  if (overrides.dataDir !== undefined) env.REGISTRY_DATA_DIR = overrides.dataDir;
  if (overrides.eventStoreConnectionString !== undefined) env.EVENTSTORE_CONNECTION_STRING = overrides.eventStoreConnectionString;
  if (overrides.adminKey !== undefined) env.REGISTRY_ADMIN_KEY = overrides.adminKey;
  if (overrides.keySecret !== undefined) env.REGISTRY_KEY_SECRET = overrides.keySecret;
  if (overrides.keySecretFile !== undefined) env.REGISTRY_KEY_SECRET_FILE = overrides.keySecretFile;
  if (overrides.logLevel !== undefined) env.LOG_LEVEL = overrides.logLevel;
  if (overrides.logOrigin !== undefined) env.REGISTRY_LOG_ORIGIN = overrides.logOrigin;
  if (overrides.signingKeyFile !== undefined) env.REGISTRY_SIGNING_KEY_FILE = overrides.signingKeyFile;
  if (overrides.verifyLogAtStart !== undefined) env.REGISTRY_VERIFY_LOG_AT_START = overrides.verifyLogAtStart;
  if (overrides.publicUrl !== undefined) env.REGISTRY_PUBLIC_URL = overrides.publicUrl;
  return env;
}
