import { Inject, Injectable, Optional } from '@nestjs/common';
import type { TransparencyLog } from '@registry/tlog';
import { TRANSPARENCY_LOG } from '../transparency/transparency-log.token';
import type { ComponentHealth, HealthComponent } from './health-component';

/** The transparency log (issue 12): `verified`, or `tampered` — served (with --allow-tampered-log) but degraded. */
@Injectable()
export class TransparencyLogHealth implements HealthComponent {
  readonly name = 'log';

  constructor(@Optional() @Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog | null) {}

  get present(): boolean {
    return this.log !== null && this.log !== undefined;
  }

  check(): ComponentHealth {
    const status = this.log!.status();
    if (status.status !== 'tampered') return { ...status, health: 'up' };
    return {
      ...status,
      health: 'degraded',
      reasons: [`the log no longer matches the checkpoints this registry signed: ${status.detail ?? 'see the start-up message'}`],
    };
  }
}
