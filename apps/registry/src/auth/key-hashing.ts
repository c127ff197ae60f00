import { createHmac, scrypt, randomBytes, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { legacyKeyHash } from './api-key-secret';

/**
 * How an API key is stored, in its ApiKeyCreated event. The scheme is the hash's prefix, so every record says
 * how it is checked:
 *
 * - `hmac-sha256$<hex>` — HMAC-SHA256 of the key under the registry's key secret: generated keys. The secret
 *   is not in the log, so a stolen log or export cannot be used to test guesses offline; a 256-bit random key
 *   needs nothing slower, and one HMAC keeps the per-request check cheap.
 * - `scrypt$<N>$<r>$<p>$<salt>$<hash>` — scrypt of that HMAC: the operator-chosen REGISTRY_ADMIN_KEY, which a
 *   person picked and may be guessable, stays slow to guess even for someone who also took the secret.
 * - `<64 hex>` — plain SHA-256: how keys were stored before. Still accepted (the log is append-only: upgrading
 *   the record would not remove the old hash from it); see README, Security.
 */
const HMAC = 'hmac-sha256$';
const SCRYPT = 'scrypt$';
const LEGACY = /^[0-9a-f]{64}$/;

/** scrypt's cost: 32 MiB and ~0.1 s per check, paid once per process for the operator's key (see below). */
const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
/** Past this many scrypt checks per window, a free-format key not already verified is refused for the rest of
 * the window: the registry never spends more than ~2 s of a thread-pool thread a minute on guesses. */
export const SCRYPT_CHECKS_PER_WINDOW = 20;
const SCRYPT_WINDOW_MS = 60_000;
/** Misses remembered (by HMAC, never the key), so repeating a wrong key costs one HMAC. */
const REMEMBERED_MISSES = 1024;

export type KeyCheck = 'match' | 'mismatch' | 'too-many-attempts';

function scryptAsync(password: Buffer, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // 128·N·r bytes is exactly 32 MiB, Node's default ceiling: room above it.
    scrypt(password, salt, 32, { ...options, maxmem: 64 * 1024 * 1024 }, (error, derived) => (error ? reject(error) : resolve(derived)));
  });
}

function equalBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export class KeyHashing {
  /** `keyId hash` of scrypt records → the HMAC of the key verified against it, so the KDF runs once per process. */
  private readonly verified = new Map<string, Buffer>();
  private readonly misses = new Set<string>();
  private window = { startedAt: 0, checks: 0 };
  /** One scrypt at a time: a burst of guesses queues instead of taking every thread of the pool. */
  private queue: Promise<unknown> = Promise.resolve();
  /** How many times scrypt ran (what the cost tests count). */
  kdfRuns = 0;

  constructor(
    private readonly secret: Buffer,
    private readonly now: () => number = Date.now,
  ) {}

  private hmac(key: string): Buffer {
    return createHmac('sha256', this.secret).update(key, 'utf8').digest();
  }

  hashGeneratedKey(key: string): string {
    return `${HMAC}${this.hmac(key).toString('hex')}`;
  }

  async hashOperatorKey(key: string): Promise<string> {
    const salt = randomBytes(16);
    const { N, r, p } = SCRYPT_COST;
    const derived = await this.runScrypt(this.hmac(key), salt, SCRYPT_COST);
    return `${SCRYPT}${N}$${r}$${p}$${salt.toString('base64url')}$${derived.toString('base64url')}`;
  }

  /** Compares in constant time. An unknown key id is checked against a dummy HMAC record, so a miss costs what a
   * hit costs; the KDF runs only for an scrypt record and a key not seen before. */
  async check(key: string, keyId: string, stored: string): Promise<KeyCheck> {
    if (stored.startsWith(HMAC)) return equalBytes(this.hmac(key), Buffer.from(stored.slice(HMAC.length), 'hex')) ? 'match' : 'mismatch';
    if (LEGACY.test(stored)) return equalBytes(Buffer.from(legacyKeyHash(key), 'hex'), Buffer.from(stored, 'hex')) ? 'match' : 'mismatch';
    if (stored.startsWith(SCRYPT)) return this.checkScrypt(key, keyId, stored);
    return 'mismatch';
  }

  /** A dummy record for keys whose id is unknown. */
  static readonly UNKNOWN = `${HMAC}${'0'.repeat(64)}`;

  private async checkScrypt(key: string, keyId: string, stored: string): Promise<KeyCheck> {
    const presented = this.hmac(key);
    const slot = `${keyId} ${stored}`;
    const known = this.verified.get(slot);
    if (known !== undefined && equalBytes(known, presented)) return 'match';
    const missKey = `${slot} ${presented.toString('hex')}`;
    if (this.misses.has(missKey)) return 'mismatch';
    const [, n, r, p, salt, hash] = stored.split('$');
    const cost = { N: Number(n), r: Number(r), p: Number(p) };
    if (![cost.N, cost.r, cost.p].every(Number.isSafeInteger) || salt === undefined || hash === undefined) return 'mismatch';
    if (!this.allowScrypt()) return 'too-many-attempts';
    let derived: Buffer;
    try {
      derived = await this.runScrypt(presented, Buffer.from(salt, 'base64url'), cost);
    } catch {
      return 'mismatch'; // parameters this Node refuses: no key can match the record
    }
    if (equalBytes(derived, Buffer.from(hash, 'base64url'))) {
      this.verified.set(slot, presented);
      return 'match';
    }
    if (this.misses.size >= REMEMBERED_MISSES) this.misses.clear();
    this.misses.add(missKey);
    return 'mismatch';
  }

  /** Remembers an operator key known to be right (it was just hashed, or checked at start), sparing its KDF. */
  remember(key: string, keyId: string, stored: string): void {
    if (stored.startsWith(SCRYPT)) this.verified.set(`${keyId} ${stored}`, this.hmac(key));
  }

  private allowScrypt(): boolean {
    const now = this.now();
    if (now - this.window.startedAt >= SCRYPT_WINDOW_MS) this.window = { startedAt: now, checks: 0 };
    if (this.window.checks >= SCRYPT_CHECKS_PER_WINDOW) return false;
    this.window.checks += 1;
    return true;
  }

  private runScrypt(password: Buffer, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
    const run = this.queue.then(() => {
      this.kdfRuns += 1;
      return scryptAsync(password, salt, cost);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

export const KEY_HASHING = Symbol('KEY_HASHING');
