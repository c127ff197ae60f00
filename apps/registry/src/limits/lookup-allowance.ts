import type { FastifyRequest } from 'fastify';

/**
 * Lookups of certificates and recognitions are what an enumeration of certificate numbers spends, so the rate
 * limit counts lookups, not HTTP requests: a request's own unit pays for its first lookup, and every further one
 * (an aliased `certificate`, a page that checks several numbers) is charged to the same allowance — the key's,
 * or the address's for callers without a valid key — through `chargeLookups`.
 */
export const LOOKUPS_PER_REQUEST = { keyless: 25, keyed: 50 } as const;

export interface LookupCharge {
  /** False when the allowance ran out: answer none of the lookups. */
  allowed: boolean;
  /** Whether the caller is counted by a valid key (else by its address). */
  keyed: boolean;
  limit: number;
  windowMs: number;
  retryAfterSeconds: number;
}

/** Counts one more unit on the request's bucket; installed by the rate limiter for every request it counts. */
export type UnitCounter = () => Promise<{ isExceeded: boolean; max: number; ttlInSeconds: number }>;

const counters = new WeakMap<FastifyRequest, { count: UnitCounter; keyed: boolean; windowMs: number }>();

export function installLookupCounter(request: FastifyRequest, keyed: boolean, windowMs: number, count: UnitCounter): void {
  counters.set(request, { count, keyed, windowMs });
}

/** Whether the request is counted by a valid key; false before the rate limiter saw it. */
export function isKeyedRequest(request: FastifyRequest): boolean {
  return counters.get(request)?.keyed ?? false;
}

/**
 * Charges `lookups` lookups to the caller's allowance, the request's own unit counting as the first. Without a
 * rate limiter in front (a bare test app) everything is allowed.
 */
export async function chargeLookups(request: FastifyRequest, lookups: number): Promise<LookupCharge> {
  const counter = counters.get(request);
  if (counter === undefined) return { allowed: true, keyed: false, limit: Infinity, windowMs: 0, retryAfterSeconds: 0 };
  let last = { isExceeded: false, max: Infinity, ttlInSeconds: 0 };
  for (let unit = 1; unit < lookups; unit += 1) last = await counter.count();
  return {
    allowed: !last.isExceeded,
    keyed: counter.keyed,
    limit: last.max,
    windowMs: counter.windowMs,
    retryAfterSeconds: Math.max(1, last.ttlInSeconds),
  };
}
