import type { DerivedFact } from '@registry/domain';

/** Facts queued for a client that reads slower than they come; past this the stream ends rather than grow. */
const MAX_QUEUED = 1_000;

/**
 * The facts one subscription receives, as the async iterator graphql's `subscribe` reads. A hand-written
 * iterator rather than Mercurius's pubsub: the facts come from NotificationsHost's listeners, and the stream
 * must release its place in the caps (`onEnd`) however it ends — the client stops, the connection drops, or the
 * queue overflows.
 */
export class FactStream<Fact extends DerivedFact> implements AsyncIterableIterator<Fact> {
  private readonly queue: Fact[] = [];
  private waiting: ((result: IteratorResult<Fact>) => void) | undefined;
  private ended = false;
  private readonly unsubscribe: () => void;

  constructor(
    subscribe: (listener: (fact: DerivedFact) => void) => () => void,
    private readonly accepts: (fact: DerivedFact) => fact is Fact,
    private readonly onEnd: () => void,
  ) {
    this.unsubscribe = subscribe((fact) => this.push(fact));
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<Fact> {
    return this;
  }

  next(): Promise<IteratorResult<Fact>> {
    const fact = this.queue.shift();
    if (fact !== undefined) return Promise.resolve({ value: fact, done: false });
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<Fact>> {
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  private push(fact: DerivedFact): void {
    if (this.ended || !this.accepts(fact)) return;
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) waiting({ value: fact, done: false });
    else if (this.queue.length < MAX_QUEUED) this.queue.push(fact);
    else this.end();
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue.length = 0;
    this.unsubscribe();
    this.onEnd();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = undefined;
  }
}

/** A subscription refused: graphql's `subscribe` reads its first value and gets the error. Thrown from the
 * resolver instead, Mercurius would log a caller's mistake at error level. */
export function refusedStream(error: Error): AsyncIterableIterator<never> {
  const stream: AsyncIterableIterator<never> = {
    [Symbol.asyncIterator]: () => stream,
    next: () => Promise.reject(error),
    return: () => Promise.resolve({ value: undefined, done: true }),
  };
  return stream;
}
