import { Controller, Get, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import type { EventStore } from '@registry/event-store';
import type { LogState, TransparencyLog } from '@registry/tlog';
import { EVENT_STORE } from '../store';
import { TRANSPARENCY_LOG } from '../transparency/transparency-log.token';

export interface HealthBody {
  /** `degraded`: serving, but an answer may not be what was signed (the log is tampered). */
  status: 'up' | 'degraded' | 'down';
  store: { kind: 'embedded' | 'eventstoredb'; status: 'up' | 'down'; lastPosition?: string; detail?: string };
  log?: { status: LogState; treeSize: number; checkpointSize: number; fullyVerified: boolean; detail?: string };
}

/** Liveness and readiness in one: 200 while the store answers, 503 when it does not. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog | null,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) reply: { status(code: number): unknown }): Promise<HealthBody> {
    const health = await this.store.health();
    const log = this.log?.status();
    reply.status(health.status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: health.status === 'down' ? 'down' : log?.status === 'tampered' ? 'degraded' : 'up',
      store: {
        kind: health.store,
        status: health.status,
        // Positions are 64-bit: sent as strings, as JSON numbers would lose precision past 2^53.
        ...(health.lastPosition === undefined ? {} : { lastPosition: health.lastPosition.toString() }),
        ...(health.detail === undefined ? {} : { detail: health.detail }),
      },
      ...(log === undefined ? {} : { log }),
    };
  }
}
