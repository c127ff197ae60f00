import { makeTempDataDir } from '../../libs/event-store/src/sqlite/testing/temp-data-dir';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { describeOnEmbeddedStore } from '../support/test-store';
import { errorCodes, graphql, type GraphqlAnswer } from './support/graphql-calls';
import { cpuMs, residentMiB } from './support/process-meter';
import { startRegistryChild, type RegistryChild } from './support/registry-child';
import { ADMIN_KEY, MY, PS, TH } from './support/world';
import { withEnvironment } from '../support/with-environment';

/**
 * Findings 1–4 of the second hostile round, measured on the server as an attacker would meet it: a separate
 * registry process (its memory and CPU time read from /proc), attacked over HTTP without a key.
 */

const NUMBERS = ['TH-COST-0001', 'TH-COST-0002', 'TH-COST-0003'];

/** The syntax tree that, sent twice as a JSON string, ran code inside the server on 236d742. */
function syntaxTree(alias: string): string {
  return JSON.stringify({
    kind: 'Document',
    definitions: [
      {
        kind: 'OperationDefinition',
        operation: 'query',
        selectionSet: {
          kind: 'SelectionSet',
          selections: [{ kind: 'Field', alias: { kind: 'Name', value: alias }, name: { kind: 'Name', value: '__typename' } }],
        },
      },
    ],
  });
}

/** `count` aliased lookups of the demo numbers with `recognizedIn`, unique per `salt` so no cache can help. */
function lookups(count: number, salt: string, field = 'recognizedIn'): string {
  const aliases = Array.from({ length: count }, (_, i) => `${salt}${i}: certificate(number: "${NUMBERS[i % NUMBERS.length]}") { ${field} }`);
  return `query { ${aliases.join(' ')} }`;
}

async function populate(registry: RegistryChild): Promise<void> {
  const must = async (query: string, input: Record<string, unknown>, key: string): Promise<Record<string, unknown>> => {
    const answer = await graphql(registry.http, query, { input }, key);
    if (answer.errors.length > 0) throw new Error(`${query}: ${JSON.stringify(answer.errors)}`);
    return Object.values(answer.data ?? {})[0] as Record<string, unknown>;
  };
  await must('mutation($input: RegisterSchemeInput!) { registerScheme(input: $input) { position } }', { code: PS, title: 'PS' }, ADMIN_KEY);
  for (const body of [TH, MY]) {
    await must(
      'mutation($input: AccreditCertificationBodyInput!) { accreditCertificationBody(input: $input) { position } }',
      { ...body, name: body.cbId, scope: [PS], accreditedOn: '2023-01-01', validUntil: '2030-12-31' },
      ADMIN_KEY,
    );
  }
  await must(
    'mutation($input: SignArrangementInput!) { signArrangement(input: $input) { position } }',
    { id: 'mra-cost', title: 'cost', parties: [TH.cbId, MY.cbId], schemes: [PS], mode: 'AUTOMATIC', effectiveFrom: '2023-06-01' },
    ADMIN_KEY,
  );
  const created = await must(
    'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }',
    { role: 'CERTIFICATION_BODY', cbId: TH.cbId, label: 'th' },
    ADMIN_KEY,
  );
  for (const number of NUMBERS) {
    await must(
      'mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { position } }',
      { number, cbId: TH.cbId, schemeCode: PS, holderName: 'Somchai Jaidee', issuedOn: '2024-03-01', validUntil: '2027-02-28' },
      String(created.key),
    );
  }
}

describeOnEmbeddedStore('What a hostile caller without a key can make the server spend', () => {
  const dir = makeTempDataDir('server-cost');
  let registry: RegistryChild;

  beforeAll(async () => {
    registry = await startRegistryChild({
      REGISTRY_ADMIN_KEY: ADMIN_KEY,
      REGISTRY_DATA_DIR: dir.dataDir,
      // These tests measure cost, not the rate limit (see the lookup allowance below).
      REGISTRY_RATE_LIMIT_PER_ADDRESS: '10000000',
      REGISTRY_RATE_LIMIT_PER_KEY: '10000000',
    });
    await populate(registry);
  }, 90_000);

  afterAll(async () => {
    await registry?.stop();
    dir.remove();
  });

  it('never executes a syntax tree sent as the query, over POST or GET, whatever its names hold (finding 1)', async () => {
    const payloads = [
      syntaxTree('a": process.pid, "env": process.env.REGISTRY_ADMIN_KEY, "b'),
      syntaxTree('ok'),
      JSON.stringify({ kind: 'Document', definitions: [] }),
      '{}',
      '[]',
      '42',
    ];
    const answers: GraphqlAnswer[] = [];
    for (const query of payloads) {
      // Twice each: graphql-jit compiled a document on its second run.
      for (let n = 0; n < 2; n += 1) {
        answers.push(await graphql(registry.http, query));
        const viaGet = await registry.http.get<{ errors?: unknown[] }>(`/graphql?query=${encodeURIComponent(query)}`);
        expect(viaGet.status).toBe(400);
        expect(JSON.stringify(viaGet.body)).not.toContain(String(registry.pid));
      }
    }

    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.data).toBeNull();
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(JSON.stringify(answer)).not.toContain(ADMIN_KEY);
      expect(JSON.stringify(answer)).not.toContain(String(registry.pid));
    }
    expect(registry.output()).not.toMatch(/"level":50/);
  });

  it('runs no code written in a string literal of a plain GraphQL query (graphql-jit turned its date marker into code)', async () => {
    const marker = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';
    const query = `query { scheme(code: "${marker}(process.exit(70))") { code } }`;

    for (let n = 0; n < 3; n += 1) await graphql(registry.http, query);
    const alive = await graphql(registry.http, 'query { __typename }');

    expect(alive.data).toEqual({ __typename: 'Query' });
  });

  it('keeps its memory bounded under hundreds of unique large queries, refused or not (finding 2)', async () => {
    const before = residentMiB(registry.pid);
    const statuses = new Map<number, number>();
    const count = (answer: { status: number }): void => {
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    };
    for (let n = 0; n < 250; n += 1) {
      // The attack: ~45 kB of 1,100 aliased lookups; then the largest documents the limits let through to
      // the parser (refused as too complex, or as invalid), each unique so that every one is parsed and cached.
      count(await graphql(registry.http, lookups(1_100, `m${n}x`)));
      count(await graphql(registry.http, lookups(25, `m${n}y`, 'recognizedIn number holderName status')));
      const unknown = Array.from({ length: 90 }, (_, i) => `u${i}: nothing${n}(a: "${'x'.repeat(40)}")`).join(' ');
      count(await graphql(registry.http, `query { ${unknown} }`));
    }
    const after = residentMiB(registry.pid);

    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    // 236d742 grew by ~776 MiB under the first kind alone.
    expect(after - before).toBeLessThan(96);
  }, 120_000);

  it('spends a few tens of milliseconds of CPU at most on any one request (finding 4)', async () => {
    const heaviestAllowed = lookups(25, 'h', 'recognizedIn number holderName status');
    const first = await graphql(registry.http, heaviestAllowed);
    expect(first.errors).toEqual([]);

    const perRequest = async (query: string, times: number): Promise<number> => {
      const start = cpuMs(registry.pid);
      for (let n = 0; n < times; n += 1) await graphql(registry.http, query);
      return (cpuMs(registry.pid) - start) / times;
    };
    const allowed = await perRequest(heaviestAllowed, 20);
    // The request: 999 × certificate { recognizedIn } cost 180–600 ms of CPU each on 236d742.
    const attack = await perRequest(lookups(999, 'a'), 10);

    expect(allowed).toBeLessThan(60);
    expect(attack).toBeLessThan(60);
  }, 60_000);
});

describeOnEmbeddedStore('Lookups answered to one address without a key (finding 3)', () => {
  let registry: RunningRegistry;

  beforeAll(async () => {
    registry = await withEnvironment({ REGISTRY_RATE_LIMIT_PER_ADDRESS: '60' }, () => startRegistry({ config: { adminKey: ADMIN_KEY } }));
  }, 60_000);

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('answers no more lookups per window than REGISTRY_RATE_LIMIT_PER_ADDRESS, however they are packed into requests', async () => {
    const aliased = (n: number): string =>
      `query { ${Array.from({ length: n }, (_, i) => `c${i}: certificate(number: "TH-GUESS-${i}") { number }`).join(' ')} }`;
    const tooMany = await graphql(registry.http, aliased(26));
    let answered = 0;
    let refusal: GraphqlAnswer | undefined;
    for (let n = 0; n < 20 && refusal === undefined; n += 1) {
      const answer = await graphql(registry.http, aliased(25));
      if (answer.status === 200) answered += Object.keys(answer.data ?? {}).length;
      else refusal = answer;
    }

    expect(errorCodes(tooMany)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(tooMany.errors[0].extensions).toMatchObject({ reason: 'TOO_MANY_LOOKUPS', limit: 25 });
    expect(answered).toBeGreaterThan(0);
    // 236d742 answered 20 × 25 = 500 (and 999 per request): one unit per HTTP request.
    expect(answered).toBeLessThanOrEqual(60);
    expect(refusal?.status).toBe(429);
    expect(errorCodes(refusal!)).toEqual(['RATE_LIMITED']);
  });
});
