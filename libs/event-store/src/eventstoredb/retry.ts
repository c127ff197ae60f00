import { isTransient } from './esdb-client';

export interface RetryPolicy {
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

/** Reads and appends: a few quick attempts. Appends are safe to repeat because the same event ids at
 * the same expected revision are acknowledged, not written twice (best effort with `any`). */
export const CALL_RETRY: RetryPolicy = { attempts: 4, firstDelayMs: 50, maxDelayMs: 1_000 };

/** Subscriptions: a projection following the log should outlive a node restart or a leader change. */
export const SUBSCRIPTION_RETRY: RetryPolicy = { attempts: Number.POSITIVE_INFINITY, firstDelayMs: 100, maxDelayMs: 5_000 };

export function backoffMs(policy: RetryPolicy, failures: number): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, failures - 1));
}

export async function withRetry<T>(policy: RetryPolicy, call: () => Promise<T>, stop: () => boolean): Promise<T> {
  for (let failures = 1; ; failures += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isTransient(error) || failures >= policy.attempts || stop()) throw error;
      await delay(backoffMs(policy, failures));
    }
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
