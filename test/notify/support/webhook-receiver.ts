import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the receiver got it. */
export interface Received {
  path: string;
  deliveryId: string;
  signature: string;
  body: string;
  /** The status the receiver answered. */
  status: number;
}

/**
 * A real HTTP receiver on loopback. Each path behaves as `behaviour(path, attempt)` says (attempt counts the
 * requests for the same delivery id on that path, from 1): a status code, or 'hang' to keep the request open.
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private server: Server | undefined;
  private readonly waiters: { check: () => boolean; resolve: () => void }[] = [];

  constructor(private readonly behaviour: (path: string, attempt: number) => number | 'hang' = () => 200) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void readBody(request).then((body) => {
        const path = request.url ?? '/';
        const deliveryId = String(request.headers['registry-delivery'] ?? '');
        const attempt = this.received.filter((r) => r.path === path && r.deliveryId === deliveryId).length + 1;
        const answer = this.behaviour(path, attempt);
        const status = answer === 'hang' ? 0 : answer;
        this.received.push({ path, deliveryId, signature: String(request.headers['registry-signature'] ?? ''), body, status });
        this.notify();
        if (answer === 'hang') return;
        response.writeHead(status, status >= 300 && status < 400 ? { location: 'http://169.254.169.254/' } : {}).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Requests on a path that were answered 2xx. */
  accepted(path: string): Received[] {
    return this.received.filter((r) => r.path === path && r.status >= 200 && r.status < 300);
  }

  onPath(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Resolves once `check` holds (checked on every request), or rejects after `timeoutMs`. */
  until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`receiver: condition not met within ${timeoutMs} ms; got ${JSON.stringify(this.received.map((r) => [r.path, r.deliveryId, r.status]))}`)), timeoutMs);
      this.waiters.push({ check, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private notify(): void {
    for (let i = this.waiters.length - 1; i >= 0; i--) if (this.waiters[i].check()) this.waiters.splice(i, 1)[0].resolve();
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}
