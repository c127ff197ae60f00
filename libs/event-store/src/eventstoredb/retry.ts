import type { BackoffPolicy } from '../backoff';

/** Reads and appends: a few quick attempts. Appends are safe to repeat because the same event ids at
 * the same expected revision are acknowledged, not written twice (best effort with `any`). */
export const CALL_RETRY: BackoffPolicy = { attempts: 4, firstDelayMs: 50, maxDelayMs: 1_000 };

/** Subscriptions: a projection following the log should outlive a node restart or a leader change. */
export const SUBSCRIPTION_RETRY: BackoffPolicy = { attempts: Number.POSITIVE_INFINITY, firstDelayMs: 100, maxDelayMs: 5_000 };
