import { EventStoreUnavailableError } from '@registry/event-store';
import { ApplicationError } from '../../errors';
import type { LogWrites } from '../../store';

/** How many times a write is decided again on fresh state when another writer moved its streams meanwhile. */
export const MAX_ATTEMPTS = 5;

/** One try at a write: done, or refused by the store because a stream moved since it was read. */
export type Attempt<T> = { kind: 'done'; outcome: T } | { kind: 'conflict' };

/**
 * Runs `attempt` until it is not a conflict, at most MAX_ATTEMPTS times: concurrent writers are resolved by
 * deciding again on what the other wrote, never by writing over it. `what` names the write in the refusal.
 */
export async function untilSettled<T>(what: string, logWrites: LogWrites, attempt: () => Promise<Attempt<T>>): Promise<T> {
  try {
    for (let tries = 1; ; tries += 1) {
      const result = await attempt();
      if (result.kind === 'done') return result.outcome;
      if (tries >= MAX_ATTEMPTS) {
        throw new ApplicationError('CONFLICT', `${what} was refused: its records kept changing under ${MAX_ATTEMPTS} attempts; try again`, { attempts: MAX_ATTEMPTS });
      }
    }
  } catch (error) {
    if (error instanceof EventStoreUnavailableError) {
      logWrites.failed(error);
      throw new ApplicationError('SERVICE_UNAVAILABLE', 'The event store is not available; nothing was written');
    }
    throw error;
  }
}
