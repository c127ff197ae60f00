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
  private lastSettled = 0n;

  wait(position: bigint, applied: bigint, timeoutMs: number): Promise<void> {
    if (applied >= position) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        position,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((other) => other !== waiter);
          reject(new ReadModelsBehindError(position, this.lastSettled, timeoutMs));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /** Releases everyone waiting for `applied` or less. */
  settle(applied: bigint): void {
    this.lastSettled = applied;
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
