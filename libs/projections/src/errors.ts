/** Another process has the read models open: they are written by one process at a time. */
export class ReadModelsInUseError extends Error {
  override readonly name = 'ReadModelsInUseError';
}

/** The read models did not reach a position in time (read-your-writes gave up waiting). */
export class ReadModelsBehindError extends Error {
  override readonly name = 'ReadModelsBehindError';

  constructor(
    readonly awaited: bigint,
    readonly applied: bigint,
    readonly timeoutMs: number,
  ) {
    super(`read models reached position ${applied}, not ${awaited}, within ${timeoutMs} ms`);
  }
}

/** The projections stopped on an event they could not fold; they answer no more waits until restarted. */
export class ProjectionsFailedError extends Error {
  override readonly name = 'ProjectionsFailedError';
}
