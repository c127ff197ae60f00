import { ReadModelsBehindError } from './errors';

interface Waiter {
  position: bigint;
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** Callers waiting for the read models to reach a position: read-your-writes for mutations. */
export class PositionWaiters {
  private waiters: Waiter[] = [];

  /** `applied` tells where the read models stand, for the error when the wait times out. */
  constructor(private readonly applied: () => bigint) {}

  wait(position: bigint, timeoutMs: number): Promise<void> {
    if (this.applied() >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((other) => other !== waiter);
          reject(new ReadModelsBehindError(position, this.applied(), timeoutMs));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Releases everyone waiting for `applied` or less. */
  settle(applied: bigint): void {
    if (this.waiters.length === 0) return;
    const still: Waiter[] = [];
    for (const waiter of this.waiters) {
      if (waiter.position <= applied) {
        clearTimeout(waiter.timer);
        waiter.resolve();
      } else {
        still.push(waiter);
      }
    }
    this.waiters = still;
  }

  failAll(error: Error): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(error);
    }
    this.waiters = [];
  }
}
