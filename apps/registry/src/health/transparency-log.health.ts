import { Inject, Injectable, Optional } from '@nestjs/common';
import type { TransparencyLog } from '@registry/tlog';
import { TRANSPARENCY_LOG } from '../transparency/transparency-log.token';
import type { ComponentHealth, HealthComponent } from './health-component';

/** The transparency log (issue 12): `verified`; `tampered` — served (with --allow-tampered-log) but degraded;
 * `diverged` — the store answers with a log that lost what was signed: down, every request refused. */
@Injectable()
export class TransparencyLogHealth implements HealthComponent {
  readonly name = 'log';

  constructor(@Optional() @Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog | null) {}

  get present(): boolean {
    return this.log !== null && this.log !== undefined;
  }

  check(): ComponentHealth {
    const status = this.log!.status();
    if (status.status === 'diverged') return { ...status, health: 'down', reasons: [status.detail ?? 'the log no longer holds what was signed'] };
    if (status.trust === 'checking') {
      return { ...status, health: 'degraded', reasons: ['the connection to the store was lost: writes wait until the log is reached and checked against the last signed checkpoint'] };
    }
    if (status.status !== 'tampered') return { ...status, health: 'up' };
    return {
      ...status,
      health: 'degraded',
      reasons: [`the log no longer matches the checkpoints this registry signed: ${status.detail ?? 'see the start-up message'}`],
    };
  }
}
