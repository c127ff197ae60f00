import { Injectable } from '@nestjs/common';
import { ProjectionsFailedError, ReadModelsBehindError, ReadModelsRebuildingError, type ReadSideStatus } from '@registry/projections';
import type { ReadModelProgress } from './read-model-progress';
import { ApplicationError } from '../errors';
import { ReadSideHost, rebuildingRefusal } from './read-side.host';

/** How long a mutation waits for its write to be visible to queries before it says so. */
const READ_YOUR_WRITES_TIMEOUT_MS = 5_000;

/** READ_MODEL_PROGRESS: read-your-writes for mutations, over the projection runner. */
@Injectable()
export class ReadModelProgressProvider implements ReadModelProgress {
  constructor(private readonly host: ReadSideHost) {}

  assertCanFollow(): void {
    const readSide = this.host.running;
    if (readSide.canFollow()) return;
    const status = readSide.status();
    if (status.state === 'rebuilding' && status.rebuild !== undefined) {
      throw rebuildingRefusal(new ReadModelsRebuildingError(status.rebuild.reason, status.rebuild));
    }
    throw new ApplicationError(
      'SERVICE_UNAVAILABLE',
      `The read models cannot follow the log (${status.state}: ${status.problem ?? status.failure ?? 'not running'}); nothing was written. Try again later`,
      { reason: 'READ_MODELS_STOPPED', state: status.state },
    );
  }

  async waitFor(position: bigint, timeoutMs = READ_YOUR_WRITES_TIMEOUT_MS): Promise<void> {
    try {
      await this.host.running.runner.waitFor(position, timeoutMs);
    } catch (error) {
      if (error instanceof ReadModelsRebuildingError) throw rebuildingRefusal(error);
      if (error instanceof ReadModelsBehindError) {
        throw new ApplicationError(
          'SERVICE_UNAVAILABLE',
          `The write at position ${position} is recorded, but queries did not reflect it within ${timeoutMs} ms`,
          { position: String(position), appliedPosition: String(error.applied) },
        );
      }
      if (error instanceof ProjectionsFailedError) {
        throw new ApplicationError('SERVICE_UNAVAILABLE', `The write at position ${position} is recorded, but the read models are stopped`, {
          position: String(position),
        });
      }
      throw error;
    }
  }

  appliedPosition(): bigint {
    return this.host.appliedPosition();
  }

  status(): ReadSideStatus {
    return this.host.status();
  }
}
