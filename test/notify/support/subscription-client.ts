import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface SubscriptionError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** One subscription as a client sees it: the values received (with when), or the errors it was refused with. */
export class Subscribed {
  readonly received: { at: number; value: Record<string, unknown> }[] = [];
  errors: SubscriptionError[] | undefined;
  private waiters: (() => void)[] = [];

  push(value: Record<string, unknown>): void {
    this.received.push({ at: performance.now(), value });
    this.wake();
  }

  fail(errors: SubscriptionError[]): void {
    this.errors = errors;
    this.wake();
  }

  /** Resolves once `count` values or an error have arrived. */
  until(count: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (this.received.length >= count || this.errors !== undefined ? resolve() : this.waiters.push(check));
      check();
    });
  }

  codes(): string[] {
    return (this.errors ?? []).map((error) => String(error.extensions?.code ?? 'NO_CODE'));
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
  }
}

/** A graphql-ws connection to the registry, the API key in the connection_init payload as the README says. */
export class SubscriptionConnection {
  private readonly client: Client;
  private readonly stops: (() => void)[] = [];
  /** The WebSocket close code, once the connection closed. */
  closeCode: number | undefined;

  constructor(baseUrl: string, key?: string) {
    this.client = createClient({
      url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: key === undefined ? {} : { headers: { authorization: `Bearer ${key}` } },
      // A closed connection is seen through `closeCode` and the subscriptions' errors, not printed.
      onNonLazyError: () => undefined,
      on: { closed: (event) => (this.closeCode = (event as { code?: number }).code) },
    });
  }

  subscribe(query: string, variables: Record<string, unknown> = {}): Subscribed {
    const subscribed = new Subscribed();
    this.stops.push(
      this.client.subscribe(
        { query, variables },
        {
          next: (result) => (result.errors ? subscribed.fail(result.errors as SubscriptionError[]) : subscribed.push(result.data as Record<string, unknown>)),
          error: (error) => subscribed.fail(Array.isArray(error) ? (error as SubscriptionError[]) : [{ message: String(error) }]),
          complete: () => undefined,
        },
      ),
    );
    return subscribed;
  }

  async close(): Promise<void> {
    for (const stop of this.stops) stop();
    await this.client.dispose();
  }
}
