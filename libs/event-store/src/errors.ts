import type { ActualRevision, ExpectedRevision } from './event-store';

/** An append refused because the stream was not where the writer expected it. Every adapter throws
 * exactly this type, whatever its own error looks like. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: ActualRevision,
  ) {
    super(`stream ${stream}: expected revision ${String(expected)}, actual ${String(actual)}`);
  }
}

/** The store cannot be used (closed, or the file is held by another process). */
export class EventStoreUnavailableError extends Error {
  override readonly name = 'EventStoreUnavailableError';
}
