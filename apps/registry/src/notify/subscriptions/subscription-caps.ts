import { ApplicationError } from '../../errors';
import type { SubscriptionLimits } from './subscription-limits';

/** Counts the open subscriptions per key (or address) and per connection, and refuses past the caps. */
export class SubscriptionCaps {
  private readonly byHolder = new Map<string, number>();
  private readonly byConnection = new WeakMap<object, number>();

  constructor(private readonly limits: SubscriptionLimits) {}

  /** Takes a place for `holder` on `connection`; returns its release (safe to call more than once). */
  take(holder: string, connection: object, keyed: boolean): () => void {
    const held = this.byHolder.get(holder) ?? 0;
    const onConnection = this.byConnection.get(connection) ?? 0;
    if (onConnection >= this.limits.perConnection) {
      throw this.refusal(`at most ${this.limits.perConnection} subscriptions per connection`, 'TOO_MANY_SUBSCRIPTIONS_ON_CONNECTION', this.limits.perConnection);
    }
    if (held >= this.limits.perKey) {
      const who = keyed ? 'per API key' : 'per address without an API key';
      throw this.refusal(`at most ${this.limits.perKey} subscriptions ${who}`, 'TOO_MANY_SUBSCRIPTIONS_FOR_KEY', this.limits.perKey);
    }
    this.byHolder.set(holder, held + 1);
    this.byConnection.set(connection, onConnection + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.byHolder.get(holder) ?? 1) - 1;
      if (left <= 0) this.byHolder.delete(holder);
      else this.byHolder.set(holder, left);
      this.byConnection.set(connection, Math.max(0, (this.byConnection.get(connection) ?? 1) - 1));
    };
  }

  private refusal(what: string, reason: string, limit: number): ApplicationError {
    return new ApplicationError('RATE_LIMITED', `Too many open subscriptions: ${what}; stop one first`, { reason, limit });
  }
}
