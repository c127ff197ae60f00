import { createHmac, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the generated webhook key is kept when REGISTRY_WEBHOOK_SECRET_KEY is not set. */
export const WEBHOOK_KEY_FILE = 'webhook-secret.key';

/**
 * Per-watch signing secrets, derived (HMAC-SHA256) from one registry key, the watch id and its secret version:
 * nothing secret is in the log, rotating a secret is an event (the version goes up), and the secret can be
 * shown to the owner once, when it is made, and recomputed for every delivery.
 */
export class WatchSecrets {
  private constructor(private readonly key: Buffer) {}

  static open(dataDir: string, configured: string | undefined): WatchSecrets {
    if (configured) return new WatchSecrets(Buffer.from(configured, 'utf8'));
    const file = join(dataDir, WEBHOOK_KEY_FILE);
    try {
      return new WatchSecrets(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const key = randomBytes(32);
    try {
      writeFileSync(file, key.toString('base64url'), { mode: 0o600, flag: 'wx' });
      return new WatchSecrets(key);
    } catch (error) {
      // Another start wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return new WatchSecrets(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url'));
      throw error;
    }
  }

  /** `whsec_` and 43 base64url characters (256 bits). */
  secretOf(watchId: string, secretVersion: number): string {
    return `whsec_${createHmac('sha256', this.key).update(`watch-secret\u0000${watchId}\u0000${secretVersion}`).digest('base64url')}`;
  }
}
