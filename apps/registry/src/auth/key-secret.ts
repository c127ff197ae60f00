import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { type Config, ConfigError } from '../config';

/** Generated into the data directory of the embedded store at its first start, unless configured. */
export const KEY_SECRET_FILE = 'api-key-secret';
const MIN_SECRET_LENGTH = 32;

/**
 * The secret API keys are hashed with (HMAC). Every replica must hold the same one, or a key created on one
 * would not work on another: on EventStoreDB it must be configured (REGISTRY_KEY_SECRET or
 * REGISTRY_KEY_SECRET_FILE) and start-up is refused without it; the embedded store, one process by design,
 * generates it once into its data directory (mode 0600). It must never change: every key stored under it would
 * stop working.
 */
export function loadKeySecret(config: Pick<Config, 'dataDir' | 'eventStoreConnectionString' | 'keySecret' | 'keySecretFile'>): Buffer {
  if (config.keySecret !== undefined) return Buffer.from(config.keySecret, 'utf8');
  if (config.keySecretFile !== undefined) return readSecret(config.keySecretFile, 'REGISTRY_KEY_SECRET_FILE names');
  if (config.eventStoreConnectionString !== undefined) {
    throw new ConfigError(
      'On EventStoreDB every replica must hash API keys with the same secret: set REGISTRY_KEY_SECRET (32 characters or more) or REGISTRY_KEY_SECRET_FILE, the same on every replica.',
    );
  }
  const path = join(config.dataDir, KEY_SECRET_FILE);
  if (!existsSync(path)) writeFileSync(path, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  return readSecret(path, 'the key secret');
}

function readSecret(path: string, what: string): Buffer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').trim();
  } catch {
    throw new ConfigError(`${what} ${path}, which cannot be read.`);
  }
  if (text.length < MIN_SECRET_LENGTH) throw new ConfigError(`${what} ${path}, which holds fewer than ${MIN_SECRET_LENGTH} characters.`);
  return Buffer.from(text, 'utf8');
}
