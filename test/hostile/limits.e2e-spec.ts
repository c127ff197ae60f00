import { connect } from 'node:net';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { describeOnEmbeddedStore } from '../support/test-store';
import { errorCodes, graphql } from './support/graphql-calls';
import { ADMIN_KEY, buildWorld, type World } from './support/world';

const RECOGNITION = 'query { recognition(certificateNumber: "TH-NONE-1", country: "MY") { recognized } }';

/** Sets limits through the environment the registry reads them from, for the apps started in `run`. */
async function withLimits<T>(limits: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(limits).map((name) => [name, process.env[name]]));
  Object.assign(process.env, limits);
  try {
    return await run();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('Limits on the running registry', () => {
  describe('what one request may ask', () => {
    let world: World;

    beforeAll(async () => {
      world = await buildWorld();
    }, 60_000);

    afterAll(async () => {
      await world?.registry.cleanup();
    });

    it('refuses a body over the limit with 413 and PAYLOAD_TOO_LARGE before reading it, writing nothing', async () => {
      const before = await world.fingerprint();

      const response = await world.registry.http.graphql(
        'mutation($input: RegisterSchemeInput!) { registerScheme(input: $input) { position } }',
        { input: { code: 'BIG-1', title: 'x'.repeat(300 * 1024) } },
        { authorization: `Bearer ${world.keys.admin}` },
      );

      expect(response.status).toBe(413);
      expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE' });
      expect(await world.fingerprint()).toEqual(before);
    });

    it('refuses a query nested deeper than the limit', async () => {
      const deep = 'query { __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } }';

      const answer = await graphql(world.registry.http, deep);

      expect(answer.status).toBeLessThan(500);
      expect(answer.data).toBeNull();
      expect(errorCodes(answer)).not.toContain('INTERNAL_SERVER_ERROR');
      expect(errorCodes(answer).length).toBeGreaterThan(0);
    });

    it('refuses a query whose complexity is over the limit, however it is spread over aliases', async () => {
      // 55 recognitions of 41 points each, under the text, token, field and alias limits: complexity refuses it.
      const aliases = Array.from({ length: 55 }, (_, i) => `q${i}:recognition(certificateNumber:"X",country:"MY"){recognized}`);

      const answer = await graphql(world.registry.http, `query { ${aliases.join(' ')} }`);

      expect(errorCodes(answer)).toEqual(['QUERY_TOO_COMPLEX']);
    });

    it('counts complexity again when the variables change it: a query first asked small is refused when asked big', async () => {
      // The same text each time (one cached document): @include and a list of checks both follow the variables.
      // 100 lists of 21 points each: 2,100, over the limit when included.
      const aliases = Array.from({ length: 100 }, (_, i) => `a${i}:arrangements{id}`);
      const included = `query Many($all: Boolean!) { __typename ... @include(if: $all) { ${aliases.join(' ')} } }`;
      const checks = 'query Checks($checks: [RecognitionCheck!]!) { a: recognitions(checks: $checks) { recognized } b: recognitions(checks: $checks) { recognized } }';
      const check = { certificateNumber: 'X', country: 'MY' };

      const small = [await graphql(world.registry.http, included, { all: false }), await graphql(world.registry.http, checks, { checks: [check] })];
      const big = [await graphql(world.registry.http, included, { all: true }), await graphql(world.registry.http, checks, { checks: Array(1000).fill(check) })];

      expect(small.map(errorCodes)).toEqual([[], []]);
      expect(big.map(errorCodes)).toEqual([['QUERY_TOO_COMPLEX'], ['QUERY_TOO_COMPLEX']]);
    });

    it('bounds the lists a caller may ask for', async () => {
      const answer = await graphql(world.registry.http, 'query { history(stream: "scheme-X", limit: 1000000) { id } }', {}, world.keys.auditor);

      expect(answer.status).toBeLessThan(500);
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    });
  });

  // The HTTP layer is the same whatever the store: these run on the embedded leg only.
  describeOnEmbeddedStore('rate limits', () => {
    let registry: RunningRegistry;

    afterEach(async () => {
      await registry?.cleanup();
    });

    it('throttles a keyless address with 429 RATE_LIMITED, while a keyed caller from the same address goes on', async () => {
      registry = await withLimits({ REGISTRY_RATE_LIMIT_PER_ADDRESS: '15', REGISTRY_RATE_LIMIT_PER_KEY: '1000' }, () =>
        startRegistry({ config: { adminKey: ADMIN_KEY } }),
      );
      const keyless: number[] = [];
      for (let n = 0; n < 20; n += 1) keyless.push((await graphql(registry.http, RECOGNITION)).status);
      const throttled = await registry.http.graphql(RECOGNITION);
      const keyed = await graphql(registry.http, RECOGNITION, {}, ADMIN_KEY);

      expect(keyless.slice(0, 15)).toEqual(Array(15).fill(200));
      expect(keyless.slice(15)).toEqual(Array(5).fill(429));
      expect(throttled.status).toBe(429);
      expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(throttled.body.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 15 });
      expect(keyed.status).toBe(200);
    });

    it('throttles each key on its own allowance, and a made-up key as its address', async () => {
      registry = await withLimits({ REGISTRY_RATE_LIMIT_PER_ADDRESS: '10', REGISTRY_RATE_LIMIT_PER_KEY: '25' }, () =>
        startRegistry({ config: { adminKey: ADMIN_KEY } }),
      );
      const created = await graphql(
        registry.http,
        'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }',
        { input: { role: 'AUDITOR', label: 'second key' } },
        ADMIN_KEY,
      );
      const second = String((created.data?.createApiKey as { key: string }).key);
      const admin: number[] = [];
      for (let n = 0; n < 30; n += 1) admin.push((await graphql(registry.http, RECOGNITION, {}, ADMIN_KEY)).status);
      const madeUp: number[] = [];
      for (let n = 0; n < 12; n += 1) madeUp.push((await graphql(registry.http, RECOGNITION, {}, `mrr_${n}0000000000000ab_${'A'.repeat(43)}`)).status);

      // The admin key's 25 include the createApiKey above.
      expect(admin.filter((s) => s === 429)).toHaveLength(6);
      expect((await graphql(registry.http, RECOGNITION, {}, second)).status).toBe(200);
      expect(madeUp.filter((s) => s === 429)).toHaveLength(2);
    });
  });

  describeOnEmbeddedStore('request timeouts', () => {
    let registry: RunningRegistry;

    afterAll(async () => {
      await registry?.cleanup();
    });

    it('answers 408 and closes the connection of a client that does not finish sending its request in time', async () => {
      registry = await withLimits({ REGISTRY_RECEIVE_TIMEOUT_MS: '400' }, () => startRegistry());
      const socket = connect(Number(new URL(registry.baseUrl).port), '127.0.0.1');
      let answer = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      const started = Date.now();

      socket.write('POST /graphql HTTP/1.1\r\nHost: registry\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n\r\n{"query":"');
      await closed;

      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(Date.now() - started).toBeLessThan(2_000);
    });
  });
});
