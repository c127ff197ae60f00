import type { EventRef } from '@registry/domain';

/** What a command left in the log. */
export type CommandOutcome = {
  commandId: string;
  /** The global position of the last event the command appended: read models that reached it reflect it. */
  position: bigint;
  events: EventRef[];
  /** True when this command id had already been handled: nothing was appended now, and `events` are the
   * ones the first handling appended. */
  replayed: boolean;
};
