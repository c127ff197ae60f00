import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { EventStore } from '@registry/event-store';
import { EVENT_STORE } from '../store';

export interface HealthBody {
  status: 'up' | 'down';
  store: { kind: 'embedded' | 'eventstoredb'; status: 'up' | 'down'; lastPosition?: string; detail?: string };
}

/** Liveness and readiness in one: 200 while the store answers, 503 when it does not. */
@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get()
  async health(@Res({ passthrough: true }) reply: { status(code: number): unknown }): Promise<HealthBody> {
    const health = await this.store.health();
    reply.status(health.status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: health.status,
      store: {
        kind: health.store,
        status: health.status,
        // Positions are 64-bit: sent as strings, as JSON numbers would lose precision past 2^53.
        ...(health.lastPosition === undefined ? {} : { lastPosition: health.lastPosition.toString() }),
        ...(health.detail === undefined ? {} : { detail: health.detail }),
      },
    };
  }
}
