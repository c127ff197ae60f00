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

/** The log delivered a position below one the read models already applied: it is not the log they were built
 * from (a replaced or restored store). Refused rather than mixed into them. */
export class LogWentBackwardsError extends Error {
  override readonly name = 'LogWentBackwardsError';

  constructor(
    readonly applied: bigint,
    readonly received: bigint,
  ) {
    super(
      `the log went backwards: it delivered position ${received} after the read models had applied ${applied}; ` +
        'it is not the log they were built from, so nothing more is applied until an operator restarts the registry on the right log',
    );
  }
}

/** The read models are being rebuilt (a damaged file, a mismatch found): queries wait for the new ones. */
export class ReadModelsRebuildingError extends Error {
  override readonly name = 'ReadModelsRebuildingError';

  constructor(
    readonly reason: string,
    readonly progress: { position: bigint; head: bigint; events: number },
  ) {
    super(`The read models are being rebuilt from the log (${reason}): position ${progress.position} of ${progress.head}`);
  }
}
