import { Inject, Injectable } from '@nestjs/common';
import type { EventStore, StoreHealth } from '@registry/event-store';
import { EVENT_STORE, LogWrites } from '../store';
import type { ComponentHealth, HealthComponent } from './health-component';

/** The event log: reachable (the store answers) and writable (the last append did not fail). */
@Injectable()
export class LogHealth implements HealthComponent {
  readonly name = 'store';
  /** The last answer, for the read models' lag without asking the store twice per request. */
  last: StoreHealth | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writes: LogWrites,
  ) {}

  async check(): Promise<ComponentHealth> {
    const health = await this.store.health();
    this.last = health;
    const failure = this.writes.failure();
    const reasons: string[] = [];
    if (health.status === 'down') reasons.push(`the event store does not answer${health.detail ? `: ${health.detail}` : ''}`);
    if (failure !== undefined) reasons.push(`the last append failed at ${failure.at.toISOString()}: ${failure.message}`);
    return {
      status: reasons.length === 0 ? 'up' : 'down',
      ...(reasons.length === 0 ? {} : { reasons }),
      kind: health.store,
      reachable: health.status === 'up',
      writable: failure === undefined,
      // Positions are 64-bit: sent as strings, as JSON numbers would lose precision past 2^53.
      ...(health.lastPosition === undefined ? {} : { lastPosition: health.lastPosition.toString() }),
      ...(health.detail === undefined ? {} : { detail: health.detail }),
    };
  }
}
