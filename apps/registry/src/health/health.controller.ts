import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { type ComponentHealth, HEALTH_COMPONENTS, type HealthComponent, healthOf, type HealthStatus, worst } from './health-component';
import { ReadModelsHealth } from './read-models.health';

export interface HealthBody {
  status: HealthStatus;
  /** Why the registry is not `up`, one sentence per cause, prefixed with its component. */
  reasons: string[];
  [component: string]: unknown;
}

type Reply = { status(code: number): unknown };

function httpStatus(status: HealthStatus): number {
  return status === 'down' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK;
}

/**
 * GET /health: every component (the event store, the transparency log, the read models, disk headroom) and the worst of them: `up` and
 * `degraded` answer 200 (the replica serves), `down` 503 (take it out of the load balancer).
 * GET /health/read-models: the read models' report alone, with the same status codes.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HEALTH_COMPONENTS) private readonly components: readonly HealthComponent[],
    private readonly readModelsHealth: ReadModelsHealth,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) reply: Reply): Promise<HealthBody> {
    const reports: Array<[string, ComponentHealth]> = [];
    // In order: the read models' lag uses the store's answer.
    for (const component of this.components) reports.push([component.name, await component.check()]);
    const status = worst(reports.map(([, report]) => healthOf(report)));
    reply.status(httpStatus(status));
    const reasons = reports.flatMap(([name, report]) => (report.reasons ?? []).map((reason) => `${name}: ${reason}`));
    return { status, reasons, ...Object.fromEntries(reports) };
  }

  @Get('read-models')
  readModels(@Res({ passthrough: true }) reply: Reply): ComponentHealth {
    const report = this.readModelsHealth.check();
    reply.status(httpStatus(healthOf(report)));
    return report;
  }
}
