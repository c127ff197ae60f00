/**
 * Read-your-writes: a mutation resolver awaits `waitFor(position)` before it returns, so that every query
 * made after the reply reflects the write. Provided by the read side under READ_MODEL_PROGRESS.
 */
export interface ReadModelProgress {
  /** Throws a SERVICE_UNAVAILABLE ApplicationError (`reason: READ_MODELS_STOPPED` or `REBUILDING`) when the read
   * models could not follow a write now: called before anything is appended. */
  assertCanFollow(): void;
  /** Resolves once every read model has applied the event at `position` (or later); rejects with a
   * SERVICE_UNAVAILABLE ApplicationError after `timeoutMs`. */
  waitFor(position: bigint, timeoutMs?: number): Promise<void>;
  /** The last position applied by every read model. */
  appliedPosition(): bigint;
}

export const READ_MODEL_PROGRESS = Symbol('READ_MODEL_PROGRESS');
