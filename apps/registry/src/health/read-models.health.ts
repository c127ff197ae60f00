import { Injectable } from '@nestjs/common';
import type { ReadSideStatus } from '@registry/projections';
import { ReadSideHost } from '../read/read-side.host';
import type { ComponentHealth, HealthComponent, HealthStatus } from './health-component';
import { LogHealth } from './log.health';

/** How long a repair the read side made on its own keeps /health `degraded`: long enough to be noticed. */
export const REPAIR_NOTICE_MS = 60 * 60_000;

function statusOf(state: ReadSideStatus['state']): HealthStatus {
  switch (state) {
    case 'live':
    case 'catching-up':
      return 'up';
    case 'rebuilding':
    case 'retrying':
    case 'stalled':
      return 'degraded';
    case 'starting':
    case 'failed':
    case 'stopped':
      return 'down';
    default: {
      const unknown: never = state;
      throw new Error(`unknown read-side state ${String(unknown)}`);
    }
  }
}

/** The read models: live, how far behind the log, rebuilding (with progress), stalled or failed, and the repairs
 * they made on their own. */
@Injectable()
export class ReadModelsHealth implements HealthComponent {
  readonly name = 'readModels';

  constructor(
    private readonly host: ReadSideHost,
    private readonly log: LogHealth,
  ) {}

  check(): ComponentHealth {
    const status = this.host.status();
    const reasons: string[] = [];
    let health = statusOf(status.state);
    if (status.state === 'rebuilding' && status.rebuild !== undefined) {
      reasons.push(`rebuilding from the log (${status.rebuild.reason}): position ${status.rebuild.position} of ${status.rebuild.head}`);
    } else if (status.problem !== undefined) {
      reasons.push(`${status.problem}; retrying by itself, writes are refused meanwhile`);
    } else if (status.failure !== undefined) {
      reasons.push(`stopped for good: ${status.failure}`);
    }
    // Elapsed time on the machine's clock (the repair's time is the machine's too), not the app's "now".
    const recent = status.repairs.filter((repair) => Date.now() - repair.at.getTime() < REPAIR_NOTICE_MS);
    if (recent.length > 0 && health === 'up') health = 'degraded';
    for (const repair of recent) {
      reasons.push(`${repair.kind === 'corruption' ? 'corruption repaired' : 'sample mismatch repaired'} at ${repair.at.toISOString()}: ${repair.reason}`);
    }
    const logPosition = this.log.last?.lastPosition;
    return {
      status: health,
      ...(reasons.length === 0 ? {} : { reasons }),
      state: status.state,
      appliedPosition: status.appliedPosition.toString(),
      ...(logPosition === undefined ? {} : { logPosition: logPosition.toString(), behind: status.appliedPosition < logPosition }),
      ...(status.rebuild === undefined
        ? {}
        : { rebuild: { position: status.rebuild.position.toString(), head: status.rebuild.head.toString(), events: status.rebuild.events } }),
      repairs: { ...status.repairCounts },
      sampler: { checked: status.sampler.checked, mismatches: status.sampler.mismatches },
      ...(status.failure === undefined ? {} : { failure: status.failure }),
    };
  }
}
