import { Injectable } from '@nestjs/common';
import type { ComponentHealth, HealthComponent } from '../health/health-component';
import { NotificationsHost } from './notifications.host';

/** The notifier: reading its state back, catching up with the log (with its position), or live. Catching up
 * keeps the registry `up`: queries do not wait for it; a derivation that stopped on an error is `degraded`. */
@Injectable()
export class NotificationsHealth implements HealthComponent {
  readonly name = 'notifications';

  constructor(private readonly host: NotificationsHost) {}

  check(): ComponentHealth {
    const { state, position, head, resumedFrom, failure } = this.host.status();
    return {
      status: failure === undefined ? 'up' : 'degraded',
      ...(failure === undefined ? {} : { reasons: [`deriving recognition facts stopped: ${failure}`] }),
      state,
      position: position.toString(),
      head: head.toString(),
      resumedFrom: resumedFrom === null ? null : resumedFrom.toString(),
    };
  }
}
