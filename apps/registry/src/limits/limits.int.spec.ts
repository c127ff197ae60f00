import 'reflect-metadata';
import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect } from 'node:net';
import { DEFAULT_LIMITS, type Limits } from './limits-config';
import { registerLimits } from './register-limits';

@Controller()
class ProbeController {
  @Post('/echo')
  echo(@Body() body: unknown): unknown {
    return body;
  }

  @Get('/slow')
  async slow(): Promise<string> {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    return 'late';
  }

  @Get('/fast')
  fast(): string {
    return 'ok';
  }

  @Get('/health')
  health(): string {
    return 'up';
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const TEST_LIMITS: Limits = {
  ...DEFAULT_LIMITS,
  bodyLimitBytes: 1_000,
  rateLimitPerAddress: 5,
  requestTimeoutMs: 1_000,
  receiveTimeoutMs: 300,
};

/** The limits on a bare Nest + Fastify app with routes a real registry does not have (a slow one). */
describe('HTTP limits in front of every route', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeEach(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), {
      logger: false,
      abortOnError: false,
    });
    await registerLimits(app, TEST_LIMITS);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address();
    base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  });

  afterEach(async () => {
    await app.close();
  });

  const post = (body: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('refuses a body whose declared length exceeds the limit with 413 and a stable code, and accepts one within it', async () => {
    const within = await post(JSON.stringify({ text: 'x'.repeat(900) }));
    const over = await post(JSON.stringify({ text: 'x'.repeat(1_100) }));

    expect(within.status).toBe(201);
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE', limitBytes: 1_000 } }],
    });
  });

  it('cuts off a chunked body without a declared length at the limit', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let n = 0; n < 20; n += 1) controller.enqueue(new TextEncoder().encode(`"${'y'.repeat(98)}",`));
        controller.close();
      },
    });

    const response = await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit);

    expect(response.status).toBe(413);
  });

  it('answers SERVICE_UNAVAILABLE when a request is not answered by its deadline, and fast requests normally', async () => {
    const started = Date.now();
    const slow = await fetch(`${base}/slow`);
    const fast = await fetch(`${base}/fast`);

    expect(slow.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await slow.json()).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'TIMEOUT' } }] });
    expect(fast.status).toBe(200);
  });

  it('closes a connection whose request does not arrive in time with 408', async () => {
    const { port } = new URL(base);
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // Headers promise a body that never comes: a slow-loris client.
    socket.write('POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"a":');
    const started = Date.now();

    await closed;

    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('limits a keyless client address to its allowance per window with 429, RATE_LIMITED and Retry-After', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 7; n += 1) statuses.push((await fetch(`${base}/fast`)).status);
    const refused = await fetch(`${base}/fast`);

    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({
      data: null,
      errors: [{ extensions: { code: 'RATE_LIMITED', limit: 5, retryAfterSeconds: expect.any(Number) } }],
    });
  });

  it('counts a caller presenting a made-up key by its address: inventing keys buys no allowance', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 7; n += 1) {
      statuses.push((await fetch(`${base}/fast`, { headers: { authorization: `Bearer made-up-key-${n}` } })).status);
    }

    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  });

  it('never throttles the health probe', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 10; n += 1) statuses.push((await fetch(`${base}/health`)).status);

    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});
