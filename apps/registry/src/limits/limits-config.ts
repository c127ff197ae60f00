import { ConfigError } from '../config';

/** What one caller may send, and how long the registry waits. Every value can be set from the environment. */
export interface Limits {
  /** REGISTRY_BODY_LIMIT_BYTES: the largest request body, on every route but /graphql (pages, forms, uploads,
   * subscription messages). */
  bodyLimitBytes: number;
  /** REGISTRY_GRAPHQL_BODY_LIMIT_BYTES: the largest body on /graphql. The largest legitimate request is
   * `importCertificates` with its 1,000 rows, about 150 kB; every other mutation is a few KiB, and the query text
   * itself is bounded apart from this (16,384 characters). */
  graphqlBodyLimitBytes: number;
  /** REGISTRY_RATE_LIMIT_WINDOW_MS: the window the two rate limits below count requests in. */
  rateLimitWindowMs: number;
  /** REGISTRY_RATE_LIMIT_PER_KEY: requests per window for each valid API key, wherever they come from. */
  rateLimitPerKey: number;
  /** REGISTRY_RATE_LIMIT_PER_ADDRESS: requests per window for each client address without a valid key
   * (keyless callers, and callers presenting an unknown or revoked key). */
  rateLimitPerAddress: number;
  /** REGISTRY_REQUEST_TIMEOUT_MS: a request not answered by then gets SERVICE_UNAVAILABLE. */
  requestTimeoutMs: number;
  /** REGISTRY_RECEIVE_TIMEOUT_MS: the whole request (headers and body) must have arrived by then,
   * or the connection is answered 408 and closed — a slow client cannot hold sockets open. */
  receiveTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyLimitBytes: 64 * 1024,
  graphqlBodyLimitBytes: 256 * 1024,
  rateLimitWindowMs: 60_000,
  rateLimitPerKey: 3_000,
  rateLimitPerAddress: 300,
  requestTimeoutMs: 15_000,
  receiveTimeoutMs: 10_000,
};

const VARIABLES: Record<keyof Limits, string> = {
  bodyLimitBytes: 'REGISTRY_BODY_LIMIT_BYTES',
  graphqlBodyLimitBytes: 'REGISTRY_GRAPHQL_BODY_LIMIT_BYTES',
  rateLimitWindowMs: 'REGISTRY_RATE_LIMIT_WINDOW_MS',
  rateLimitPerKey: 'REGISTRY_RATE_LIMIT_PER_KEY',
  rateLimitPerAddress: 'REGISTRY_RATE_LIMIT_PER_ADDRESS',
  requestTimeoutMs: 'REGISTRY_REQUEST_TIMEOUT_MS',
  receiveTimeoutMs: 'REGISTRY_RECEIVE_TIMEOUT_MS',
};

/** Reads the limits from the environment (blank means default); a bad value refuses the start with ConfigError. */
export function loadLimits(env: Record<string, string | undefined> = process.env): Limits {
  const limits = { ...DEFAULT_LIMITS };
  const problems: string[] = [];
  for (const field of Object.keys(VARIABLES) as Array<keyof Limits>) {
    const name = VARIABLES[field];
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') continue;
    if (!/^\d{1,12}$/.test(raw) || Number(raw) < 1) problems.push(`${name} must be a whole number of at least 1 (got "${raw}")`);
    else limits[field] = Number(raw);
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration: ${problems.join('; ')}.`);
  return limits;
}
