import { Injectable } from '@nestjs/common';

/**
 * Whether appends to the log succeed, as the write path last saw them: the store's own health says only that it
 * answers, not that it accepts writes (a full disk, `ulimit -f`). Failed until an append succeeds again.
 */
@Injectable()
export class LogWrites {
  private lastFailure: { at: Date; message: string } | undefined;

  succeeded(): void {
    this.lastFailure = undefined;
  }

  failed(error: unknown): void {
    // The machine's time, not the app's clock: an operational notice for /health, never recorded or answered.
    this.lastFailure = { at: new Date(), message: error instanceof Error ? error.message : String(error) };
  }

  /** The failure of the last append, unless one succeeded since. */
  failure(): { at: Date; message: string } | undefined {
    return this.lastFailure;
  }
}
