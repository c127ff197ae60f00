import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The one retry policy shape of the project: calls to EventStoreDB, its subscriptions, and the projections
 * following the log all back off the same way. Hand-written (a dozen lines) rather than p-retry, which is
 * ESM-only and cannot be required by this CommonJS build nor by jest's CommonJS runtime.
 */
export interface BackoffPolicy {
  readonly attempts: number;
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
}

/** The pause after the `failures`-th failure in a row: doubling from `firstDelayMs`, capped at `maxDelayMs`. */
export function backoffMs(policy: BackoffPolicy, failures: number): number {
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.max(0, failures - 1));
}

/** Waits `ms`, or less when `signal` aborts: whoever aborts is stopping, not failing, so it resolves either way. */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await sleep(ms, undefined, { signal });
  } catch (error) {
    if (!signal?.aborted) throw error;
  }
}

/** Calls until it succeeds, fails in a way `retryable` refuses, runs out of attempts, or `signal` aborts. */
export async function retry<T>(
  call: () => Promise<T>,
  options: { policy: BackoffPolicy; retryable: (error: unknown) => boolean; signal?: AbortSignal },
): Promise<T> {
  const { policy, retryable, signal } = options;
  for (let failures = 1; ; failures += 1) {
    try {
      return await call();
    } catch (error) {
      if (!retryable(error) || failures >= policy.attempts || signal?.aborted) throw error;
      await pause(backoffMs(policy, failures), signal);
    }
  }
}
