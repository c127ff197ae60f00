import fc from 'fast-check';
import { getNamedType, isLeafType } from 'graphql';
import { testStoreKind } from '../support/test-store';
import { errorCodes, graphql, type GraphqlAnswer } from './support/graphql-calls';
import { canonicalHostileValues, hostileValueFor, impossibleDate, inputFieldsOf, INJECTIONS, malformedDate, malformedInstant, type InputField } from './support/hostile-values';
import { MUTATION_TABLE, rightfulKey } from './support/mutation-table';
import { buildWorld, type World } from './support/world';
import { withEnvironment } from '../support/with-environment';
import { SubscriptionConnection } from '../notify/support/subscription-client';

/** Random runs per input field, on top of the canonical values; bounded so the whole campaign stays well under a minute.
 * Validation does not depend on the store, so the EventStoreDB leg runs few. */
const RUNS_PER_FIELD = Number(process.env.HOSTILE_RUNS_PER_FIELD ?? (testStoreKind() === 'embedded' ? '8' : '2'));

/** What a refused request must look like: a 4xx or a 200 with errors, each with a typed code, nothing leaked. */
function refusal(answer: GraphqlAnswer): { status: string; codes: string[]; leaks: string[] } {
  const leaks = answer.errors
    .map((error) => JSON.stringify(error))
    .filter((text) => /\s+at\s.+\(.*:\d+:\d+\)|stacktrace|node_modules|\/work\//i.test(text));
  return { status: answer.status < 500 ? 'not 5xx' : String(answer.status), codes: [...new Set(errorCodes(answer))], leaks };
}

describe('The bad-input campaign: hostile values at every mutation input', () => {
  let world: World;

  beforeAll(async () => {
    // The campaign tests what input is refused, not the rate limit (limits.e2e-spec does): its keyless requests and
    // bulk lines would otherwise use up one address's allowance and be answered RATE_LIMITED before being read.
    world = await withEnvironment({ REGISTRY_RATE_LIMIT_PER_ADDRESS: '1000000' }, buildWorld);
  }, 60_000);

  afterAll(async () => {
    await world?.registry.cleanup();
  });

  describe.each(Object.keys(MUTATION_TABLE))('%s', (name) => {
    it('refuses a hostile value in any one field as BAD_USER_INPUT, with nothing written', async () => {
      const entry = MUTATION_TABLE[name];
      // The rest of the input is one the rightful caller could send successfully: only the hostile field is at fault.
      const prepared = await world.once(`prepared ${name}`, () => (entry.prepareForCampaign ?? entry.prepare)(world));
      const rightful = await rightfulKey(world, entry, prepared);
      const fields = inputFieldsOf(world.schema, name);
      const before = await world.fingerprint();

      for (const field of fields) {
        const send = async (value: unknown): Promise<void> => {
          const answer = await world.send(name, { ...prepared.input, [field.name]: value }, rightful);
          expect({ field: field.name, value, ...refusal(answer) }).toEqual({
            field: field.name,
            value,
            status: 'not 5xx',
            codes: ['BAD_USER_INPUT'],
            leaks: [],
          });
        };
        for (const value of canonicalHostileValues(field)) await send(value);
        await fc.assert(fc.asyncProperty(hostileValueFor(field), send), { numRuns: RUNS_PER_FIELD });
        if (field.kind === 'objectList') {
          // Inside a list of input objects: each nested field of an otherwise valid item, and one item too many.
          const [item] = prepared.input[field.name] as Record<string, unknown>[];
          await send(Array.from({ length: (entry.maxItems ?? 50) + 1 }, () => item));
          for (const nested of field.nested) {
            for (const value of canonicalHostileValues(nested)) await send([{ ...item, [nested.name]: value }]);
          }
        }
      }
      expect(await world.fingerprint()).toEqual(before);
    }, 60_000);

    it('refuses a malformed input as a whole: unknown fields, a missing required field, not an object', async () => {
      const entry = MUTATION_TABLE[name];
      const prepared = await world.once(`prepared ${name}`, () => (entry.prepareForCampaign ?? entry.prepare)(world));
      const rightful = await rightfulKey(world, entry, prepared);
      const required = inputFieldsOf(world.schema, name).filter((field: InputField) => field.required);
      const without = (field: string): Record<string, unknown> => Object.fromEntries(Object.entries(prepared.input).filter(([k]) => k !== field));
      const inputs: unknown[] = [
        { ...prepared.input, role: 'ACCREDITATION_BODY', isAdmin: true },
        { ...prepared.input, constructor: { prototype: { polluted: true } } },
        ...required.map((field) => without(field.name)),
        'input',
        [prepared.input],
        null,
      ];
      const before = await world.fingerprint();

      for (const input of inputs) {
        const answer = await world.send(name, input as Record<string, unknown>, rightful);
        expect({ input, ...refusal(answer) }).toEqual({ input, status: 'not 5xx', codes: ['BAD_USER_INPUT'], leaks: [] });
      }
      expect(await world.fingerprint()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }, 30_000);
  });

  describe('hostile knownAt on every query that takes it', () => {
    /** A valid value for each other argument a query requires. */
    const VALID_ARGUMENTS: Record<string, string> = { certificateNumber: 'TH-NONE-1', country: 'MY', number: 'TH-NONE-1', id: 'th-ftpi', code: 'APO-PS 101:2023' };

    it('refuses it as BAD_USER_INPUT naming knownAt, for a caller with or without a key, with nothing written', async () => {
      const queries = Object.values(world.schema.getQueryType()!.getFields()).filter((field) => field.args.some((arg) => arg.name === 'knownAt'));
      expect(queries.map((field) => field.name)).toEqual(expect.arrayContaining(['recognition', 'certificate', 'certificationBodies', 'arrangements', 'schemes']));
      const before = await world.fingerprint();
      for (const field of queries) {
        const required = field.args.filter((arg) => arg.name !== 'knownAt' && String(arg.type).endsWith('!'));
        const declared = [...required.map((arg) => `$${arg.name}: ${String(arg.type)}`), '$knownAt: String'].join(', ');
        const passed = [...required.map((arg) => `${arg.name}: $${arg.name}`), 'knownAt: $knownAt'].join(', ');
        const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
        const document = `query(${declared}) { result: ${field.name}(${passed})${selection} }`;
        const variables = Object.fromEntries(required.map((arg) => [arg.name, VALID_ARGUMENTS[arg.name]]));
        const send = async (knownAt: string): Promise<void> => {
          for (const key of [undefined, world.keys.admin]) {
            const answer = await graphql(world.registry.http, document, { ...variables, knownAt }, key);
            const paths = answer.errors.flatMap((error) => ((error.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path));
            expect({ query: field.name, knownAt, ...refusal(answer), paths }).toEqual({
              query: field.name,
              knownAt,
              status: 'not 5xx',
              codes: ['BAD_USER_INPUT'],
              leaks: [],
              paths: ['knownAt'],
            });
          }
        };
        await fc.assert(fc.asyncProperty(malformedInstant, send), { numRuns: RUNS_PER_FIELD * 2 });
      }
      expect(await world.fingerprint()).toEqual(before);
    }, 60_000);
  });

  it("refuses a hostile action plan to watch (createWatch's actionPlan) as BAD_USER_INPUT, with nothing written", async () => {
    const watch = (actionPlan: unknown) => ({ watchId: `w-${world.unique()}`, actionPlan, url: 'https://hooks.example.com/plan' });
    const country = inputFieldsOf(world.schema, 'createWatch').find((field) => field.name === 'actionPlan')!.nested[0];
    const before = await world.fingerprint();
    const send = async (actionPlan: unknown): Promise<void> => {
      const answer = await world.send('createWatch', watch(actionPlan), world.keys.focalTh);
      expect({ actionPlan, ...refusal(answer) }).toEqual({ actionPlan, status: 'not 5xx', codes: ['BAD_USER_INPUT'], leaks: [] });
    };
    for (const value of canonicalHostileValues(country)) await send({ country: value });
    await fc.assert(fc.asyncProperty(hostileValueFor(country), (value) => send({ country: value })), { numRuns: RUNS_PER_FIELD });
    // Two targets at once.
    const both = await world.send('createWatch', { ...watch({ country: 'TH' }), certificationBodyId: 'th-ftpi' }, world.keys.focalTh);
    expect(refusal(both)).toEqual({ status: 'not 5xx', codes: ['BAD_USER_INPUT'], leaks: [] });
    expect(await world.fingerprint()).toEqual(before);
  }, 30_000);

  /** Every case is BAD_USER_INPUT from the admin key with nothing written: `named` ones naming their argument,
   * `coerced` ones (refused by GraphQL's own variable coercion) without a path. */
  const expectArgumentsRefused = async (document: string, named: Array<[Record<string, unknown>, string]>, coerced: Record<string, unknown>[]): Promise<void> => {
    const before = await world.fingerprint();
    for (const [variables, path] of named) {
      const answer = await graphql(world.registry.http, document, variables, world.keys.admin);
      const paths = answer.errors.flatMap((error) => ((error.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path));
      expect({ variables, ...refusal(answer), paths }).toEqual({ variables, status: 'not 5xx', codes: ['BAD_USER_INPUT'], leaks: [], paths: [path] });
    }
    for (const variables of coerced) {
      expect({ variables, ...refusal(await graphql(world.registry.http, document, variables, world.keys.admin)) }).toEqual({
        variables,
        status: 'not 5xx',
        codes: ['BAD_USER_INPUT'],
        leaks: [],
      });
    }
    expect(await world.fingerprint()).toEqual(before);
  };

  it('refuses hostile arguments to recognitionApplications as BAD_USER_INPUT naming the argument, with nothing written', async () => {
    const document = 'query($status: ApplicationStatus, $country: String, $first: Int, $after: String) { result: recognitionApplications(status: $status, country: $country, first: $first, after: $after) { totalCount } }';
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ country: 'XX' }, 'country'],
      [{ country: 'M' }, 'country'],
      [{ country: 'MY', first: -1 }, 'first'],
      [{ country: 'MY', first: 1001 }, 'first'],
      [{ country: 'MY', after: 'not-a-cursor!' }, 'after'],
      [{ country: 'MY', after: 'A'.repeat(500) }, 'after'],
      [{}, 'country'],
    ];
    await expectArgumentsRefused(document, cases, [{ country: 'MY', status: 'LOST' }, { country: 'MY', first: 'ten' }, { country: 12 }]);
  }, 30_000);

  it('refuses hostile arguments to certificates as BAD_USER_INPUT naming the argument, with nothing written', async () => {
    const document = 'query($filter: CertificateFilter, $cb: String, $first: Int, $after: String) { result: certificates(filter: $filter, certificationBodyId: $cb, first: $first, after: $after) { totalCount } }';
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ filter: { recognizedIn: 'XX' }, cb: 'th-ftpi' }, 'filter.recognizedIn'],
      [{ cb: 'th-ftpi', first: 1001 }, 'first'],
      [{ cb: 'th-ftpi', first: -5 }, 'first'],
      [{ cb: 'th-ftpi', after: '%%%' }, 'after'],
      [{ cb: '' }, 'certificationBodyId'],
      [{ cb: 'x'.repeat(300) }, 'certificationBodyId'],
      [{}, 'certificationBodyId'],
    ];
    await expectArgumentsRefused(document, cases, [{ cb: 'th-ftpi', filter: { status: 'LOST' } }, { cb: 'th-ftpi', filter: { expiringBefore: '2024-02-30' } }, { cb: 'th-ftpi', filter: { unknown: 1 } }]);
  }, 30_000);

  describe('hostile first and after on every connection', () => {
    /** What each connection needs besides first and after to be answered, and by whom (default: the accreditation body). */
    const NEEDS: Record<string, { args?: string; key?: 'th' }> = {
      certificates: { args: 'certificationBodyId: "th-ftpi"' },
      recognitionApplications: { args: 'country: "MY"' },
      historyConnection: { args: 'stream: "cb-th-ftpi"' },
      watchesConnection: { key: 'th' },
    };

    it('refuses a page size beyond 0-1000 and any cursor the list did not give as BAD_USER_INPUT naming the argument, with nothing written', async () => {
      const connections = Object.values(world.schema.getQueryType()!.getFields()).filter((field) => ['first', 'after'].every((name) => field.args.some((arg) => arg.name === name)));
      expect(connections.map((field) => field.name)).toEqual(
        expect.arrayContaining(['certificates', 'certificationBodiesConnection', 'schemesConnection', 'arrangementsConnection', 'historyConnection', 'checkpointsConnection', 'watchesConnection']),
      );
      await world.once('a watch of th-ftpi', () => world.must('createWatch', { watchId: 'campaign-pages', certificationBodyId: 'th-ftpi', url: 'https://hooks.example.com/pages' }, world.keys.th));
      // A real cursor, of another list than each one it is sent to.
      const foreign = (await graphql(world.registry.http, '{ result: schemesConnection(first: 1) { pageInfo { endCursor } } }')).data as { result: { pageInfo: { endCursor: string } } };
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ first: -1 }, 'first'],
        [{ first: 1_001 }, 'first'],
        [{ first: 2_147_483_647 }, 'first'],
        [{ after: '%%%' }, 'after'],
        [{ after: '' }, 'after'],
        [{ after: 'x'.repeat(700) }, 'after'],
        [{ after: foreign.result.pageInfo.endCursor }, 'after'],
      ];
      const before = await world.fingerprint();
      for (const field of [...connections, { name: 'watchesConnection.deliveriesConnection' }]) {
        const nested = field.name.includes('.');
        const needs = NEEDS[nested ? 'watchesConnection' : field.name] ?? {};
        const args = needs.args === undefined ? '' : `, ${needs.args}`;
        const document = nested
          ? 'query($first: Int, $after: String) { watchesConnection { nodes { deliveriesConnection(first: $first, after: $after) { totalCount } } } }'
          : `query($first: Int, $after: String) { result: ${field.name}(first: $first, after: $after${args}) { totalCount } }`;
        const key = needs.key === 'th' ? world.keys.th : world.keys.admin;
        const send = async (variables: Record<string, unknown>, path: string | null): Promise<void> => {
          if (field.name === 'schemesConnection' && variables.after === foreign.result.pageInfo.endCursor) return;
          const answer = await graphql(world.registry.http, document, variables, key);
          const paths = answer.errors.flatMap((error) => ((error.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path));
          expect({ query: field.name, variables, ...refusal(answer), paths: path === null ? [] : paths }).toEqual({
            query: field.name,
            variables,
            status: 'not 5xx',
            codes: ['BAD_USER_INPUT'],
            leaks: [],
            paths: path === null ? [] : [path],
          });
        };
        for (const [variables, path] of cases) await send(variables, path);
        // Not an Int at all: refused by the schema, before any resolver.
        for (const first of ['ten', 2 ** 31, 1.5]) await send({ first }, null);
        await fc.assert(fc.asyncProperty(fc.string({ maxLength: 80 }), (after) => send({ after }, 'after')), { numRuns: RUNS_PER_FIELD });
      }
      expect(await world.fingerprint()).toEqual(before);
    }, 60_000);
  });

  describe('hostile arguments on the skills queries', () => {
    type Kind = 'country' | 'identifier' | 'date';
    /** Each query, its arguments by kind, and a valid value for each (comparability takes one of qualificationId and certificateNumber). */
    const QUERIES: Array<{ name: string; args: Record<string, Kind>; valid: Record<string, unknown>; selection: string }> = [
      { name: 'nationalFramework', args: { country: 'country', asOf: 'date' }, valid: { country: 'KH' }, selection: '{ country }' },
      { name: 'nationalFrameworks', args: { asOf: 'date' }, valid: {}, selection: '{ country }' },
      { name: 'nationalQualification', args: { id: 'identifier' }, valid: { id: 'NQ-NONE-1' }, selection: '{ id }' },
      { name: 'nationalQualifications', args: { country: 'country' }, valid: {}, selection: '{ id }' },
      { name: 'schemeLink', args: { schemeCode: 'identifier', asOf: 'date' }, valid: { schemeCode: 'HS-NONE' }, selection: '{ schemeCode }' },
      { name: 'priorityOccupations', args: { country: 'country', asOf: 'date' }, valid: {}, selection: '{ code }' },
      { name: 'comparability', args: { country: 'country', qualificationId: 'identifier', asOf: 'date' }, valid: { country: 'MY', qualificationId: 'NQ-NONE-1' }, selection: '{ comparable }' },
      { name: 'comparability', args: { certificateNumber: 'identifier' }, valid: { country: 'MY', certificateNumber: 'TH-NONE-1' }, selection: '{ comparable }' },
      { name: 'actionPlan', args: { country: 'country', asOf: 'date' }, valid: { country: 'KH' }, selection: '{ country }' },
      { name: 'actionPlanMonitoring', args: { asOf: 'date' }, valid: {}, selection: '{ asOf }' },
    ];
    const TYPES: Record<string, string> = { country: 'String', asOf: 'Date', id: 'String', schemeCode: 'String', qualificationId: 'String', certificateNumber: 'String' };
    const REFUSED: Record<Kind, fc.Arbitrary<unknown>> = {
      country: fc.oneof(fc.constantFrom('XX', 'THA', 'T', 'T\u0000', 'ΤΗ', ''), fc.integer()),
      identifier: fc.oneof(fc.constantFrom('', 'X'.repeat(65), 'X'.repeat(5000)), fc.integer(), fc.constant({})),
      date: fc.oneof(malformedDate.filter((value) => value !== ''), impossibleDate, fc.integer()),
    };

    it('refuses a hostile argument as BAD_USER_INPUT, answers an injection-looking identifier as refused or nothing found, and writes nothing', async () => {
      const before = await world.fingerprint();
      for (const { name, args, valid, selection } of QUERIES) {
        const names = [...new Set([...Object.keys(valid), ...Object.keys(args)])];
        const document = `query(${names.map((arg) => `$${arg}: ${TYPES[arg]}`).join(', ')}) { result: ${name}(${names.map((arg) => `${arg}: $${arg}`).join(', ')}) ${selection} }`;
        for (const [arg, kind] of Object.entries(args)) {
          const send = async (value: unknown): Promise<void> => {
            const answer = await graphql(world.registry.http, document, { ...valid, [arg]: value });
            expect({ query: name, arg, value, ...refusal(answer) }).toEqual({ query: name, arg, value, status: 'not 5xx', codes: ['BAD_USER_INPUT'], leaks: [] });
          };
          await fc.assert(fc.asyncProperty(REFUSED[kind], send), { numRuns: RUNS_PER_FIELD * 2 });
          if (kind !== 'identifier') continue;
          for (const injection of INJECTIONS) {
            const answer = await graphql(world.registry.http, document, { ...valid, [arg]: injection });
            const { status, codes, leaks } = refusal(answer);
            expect({ query: name, injection, status, leaks, refusedOrNotFound: codes.every((code) => code === 'BAD_USER_INPUT') }).toEqual({
              query: name,
              injection,
              status: 'not 5xx',
              leaks: [],
              refusedOrNotFound: true,
            });
          }
        }
      }
      expect(await world.fingerprint()).toEqual(before);
    }, 60_000);
  });

  it('stores injection-looking text in free-text fields verbatim, as data, never interpreted', async () => {
    for (const text of INJECTIONS.slice(0, 8)) {
      const number = `TH-INJ-${world.unique()}`;
      const input = { number, cbId: 'th-ftpi', schemeCode: 'APO-PS 101:2023', holderName: text, issuedOn: '2024-03-01', validUntil: '2027-02-28' };

      const answer = await world.send('issueCertificate', input, world.keys.th);
      const read = await graphql(world.registry.http, 'query($n: String!) { certificate(number: $n) { number holderName } }', { n: number });

      expect(errorCodes(answer)).toEqual([]);
      expect(read.data).toEqual({ certificate: { number, holderName: text } });
    }
  }, 30_000);

  describe('hostile documents', () => {
    it.each([
      ['a deeply nested introspection query', `query { __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } }`, 'query'],
      // Both stay under the body limit, so that they reach the GraphQL parser.
      ['a selection nested 15,000 levels deep', `query { certificate(number: "X") { ${'a{'.repeat(15_000)}b${'}'.repeat(15_000)} } }`, 'query'],
      ['a list literal nested 15,000 levels deep', `mutation { registerScheme(input: { code: ${'['.repeat(15_000)}"X"${']'.repeat(15_000)}, title: "t" }) { position } }`, 'query'],
      ['a fragment that spreads itself', 'query { ...F } fragment F on Query { ...F }', 'query'],
      ['thousands of aliases of the recognition question', `query { ${Array.from({ length: 3_000 }, (_, i) => `a${i}: recognition(certificateNumber: "X", country: "TH") { recognized }`).join(' ')} }`, 'query'],
      ['a batch of operations in one request', '[{"query":"{ __typename }"},{"query":"{ __typename }"}]', 'query'],
      ['a document that does not parse', 'mutation { registerScheme(input: { code: "X" ', 'query'],
      ['a query with 5,000 directives', `query { __typename ${'@include(if: true) '.repeat(5_000)} }`, 'query'],
      ['a body that is not JSON', '{"query": "{ __typename }"', 'raw'],
      ['a body poisoning the prototype', '{"query": "{ __typename }", "__proto__": { "polluted": true }}', 'raw'],
      ['a body poisoning a constructor', '{"query": "{ __typename }", "constructor": { "prototype": { "polluted": true } }}', 'raw'],
      ['an empty body', '', 'raw'],
      ['a body that is a JSON string', '"{ __typename }"', 'raw'],
    ])('refuses %s with a typed error and writes nothing', async (_what, document, kind) => {
      const before = await world.fingerprint();
      const body = kind === 'raw' || document.startsWith('[') ? document : JSON.stringify({ query: document });

      const response = await fetch(`${world.registry.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${world.keys.admin}` },
        body,
      });
      const text = await response.text();
      const parsed = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
      const codes = [...new Set((parsed.errors ?? []).map((e) => String(e.extensions?.code ?? 'NO_CODE')))];

      expect({ status: response.status < 500, typed: codes.length > 0 && !codes.includes('INTERNAL_SERVER_ERROR') && !codes.includes('NO_CODE') }).toEqual({
        status: true,
        typed: true,
      });
      expect(await world.fingerprint()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('refuses a mutation sent with GET, where a link or an image could trigger it', async () => {
      const before = await world.fingerprint();
      const query = encodeURIComponent('mutation { registerScheme(input: { code: "GET-1", title: "t" }) { position } }');

      const response = await fetch(`${world.registry.baseUrl}/graphql?query=${query}`, { headers: { authorization: `Bearer ${world.keys.admin}` } });

      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await world.fingerprint()).toEqual(before);
    });
  });

  describe('hostile documents, round two: syntax trees, odd query values and names, several operations or mutations', () => {
    const tree = (alias: string, field = '__typename'): string =>
      JSON.stringify({
        kind: 'Document',
        definitions: [
          {
            kind: 'OperationDefinition',
            operation: 'query',
            selectionSet: { kind: 'SelectionSet', selections: [{ kind: 'Field', alias: { kind: 'Name', value: alias }, name: { kind: 'Name', value: field } }] },
          },
        ],
      });
    const ODD_NAMES = ['a": process.pid, "b', '', '1a', 'a-b', 'a b', 'a\u0000b', 'café', '😀', '__proto__', 'constructor', '${process.pid}', 'x'.repeat(5_000)];
    const SCHEME = (code: string): string => `registerScheme(input: { code: "${code}", title: "t" }) { position }`;

    /** Sent as a POST body `{ query, operationName? }` and, when `query` is a string, as GET too. */
    const cases: Array<[string, { query: unknown; operationName?: string }]> = [
      ...ODD_NAMES.map((name): [string, { query: unknown }] => [`a syntax tree with the alias ${JSON.stringify(name.slice(0, 20))}`, { query: tree(name) }]),
      ...ODD_NAMES.map((name): [string, { query: unknown }] => [`a syntax tree with the field name ${JSON.stringify(name.slice(0, 20))}`, { query: tree('a', name) }]),
      ['a syntax tree with no definitions', { query: JSON.stringify({ kind: 'Document', definitions: [] }) }],
      ['a syntax tree of an unknown kind', { query: JSON.stringify({ kind: 'Evil', definitions: [{ kind: 'Evil' }] }) }],
      ['the JSON value {}', { query: '{}' }],
      ['the JSON value []', { query: '[]' }],
      ['the JSON value null', { query: 'null' }],
      ['the JSON value 42', { query: '42' }],
      ['a query that is a number', { query: 42 }],
      ['a query that is true', { query: true }],
      ['a query that is null', { query: null }],
      ['a query that is an object', { query: { kind: 'Document', definitions: [] } }],
      ['a query that is an array of two strings', { query: ['{ __typename }', '{ __typename }'] }],
      ['a query that is an empty string', { query: '' }],
      ['odd but valid aliases', { query: '{ __proto__: __typename constructor: __typename toString: __typename }' }],
      ['two operations without operationName', { query: 'query A { __typename } query B { __typename }' }],
      ['two operations with an unknown operationName', { query: 'query A { __typename } query B { __typename }', operationName: 'C' }],
      ['an anonymous operation beside a named one', { query: '{ __typename } query B { __typename }' }],
      ['two mutations', { query: `mutation { a: ${SCHEME('RT-1')} b: ${SCHEME('RT-2')} }` }],
      ['the same mutation aliased twice', { query: `mutation { a: ${SCHEME('RT-3')} b: ${SCHEME('RT-3')} }` }],
      ['two mutations through a fragment', { query: `mutation { ...M } fragment M on Mutation { a: ${SCHEME('RT-4')} b: ${SCHEME('RT-5')} }` }],
      ['two mutations through inline fragments', { query: `mutation { ... on Mutation { a: ${SCHEME('RT-6')} } ... on Mutation { b: ${SCHEME('RT-7')} } }` }],
      ['two mutation operations without operationName', { query: `mutation A { ${SCHEME('RT-8')} } mutation B { ${SCHEME('RT-9')} }` }],
    ];

    it.each(cases)('refuses or answers %s with a typed error, no internal error, nothing written', async (_what, body) => {
      const before = await world.fingerprint();
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${world.keys.admin}` };
      const answers = [await fetch(`${world.registry.baseUrl}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) })];
      if (typeof body.query === 'string') {
        const query = new URLSearchParams({ query: body.query, ...(body.operationName ? { operationName: body.operationName } : {}) });
        answers.push(await fetch(`${world.registry.baseUrl}/graphql?${query.toString()}`, { headers: { authorization: headers.authorization } }));
      }

      for (const response of answers) {
        const text = await response.text();
        const parsed = JSON.parse(text) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
        const codes = [...new Set((parsed.errors ?? []).map((e) => String(e.extensions?.code ?? 'NO_CODE')))];
        expect({ status: response.status < 500, codes: codes.filter((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'NO_CODE') }).toEqual({ status: true, codes: [] });
        expect(text).not.toContain(String(process.pid));
        expect(text).not.toMatch(/\s+at\s.+:\d+:\d+|node_modules|\/work\//);
      }
      expect(await world.fingerprint()).toEqual(before);
    });
  });

  describe('the subscriptions, over WebSocket', () => {
    const PAIR = 'subscription($n: String!, $c: String!) { recognitionChanged(certificateNumber: $n, country: $c) { factId } }';
    const CB = 'subscription($cb: String!) { recognitionChangedForCertificationBody(cbId: $cb) { factId } }';

    it('refuses hostile arguments as BAD_USER_INPUT naming the argument, leaks nothing, writes nothing, and the connection stays usable', async () => {
      const before = await world.fingerprint();
      const connection = new SubscriptionConnection(world.registry.baseUrl, world.keys.admin);
      try {
        const cases = [
          ...INJECTIONS.map((country) => [PAIR, { n: 'TH-NONE-1', c: country }, 'country'] as const),
          [PAIR, { n: 'x'.repeat(5_000), c: 'MY' }, 'certificateNumber'] as const,
          [PAIR, { n: '', c: 'MY' }, 'certificateNumber'] as const,
          [CB, { cb: 'x'.repeat(5_000) }, 'cbId'] as const,
        ];
        const refused = cases.map(([query, variables]) => connection.subscribe(query, variables));
        await Promise.all(refused.map((subscribed) => subscribed.until(1)));
        expect(refused.map((subscribed) => [subscribed.codes(), subscribed.errors?.[0].extensions?.fields])).toEqual(
          cases.map(([, , path]) => [['BAD_USER_INPUT'], [expect.objectContaining({ path })]]),
        );
        expect(refused.flatMap((subscribed) => subscribed.errors ?? []).filter((error) => /\s+at\s.+\(.*:\d+:\d+\)|node_modules|\/work\//.test(JSON.stringify(error)))).toEqual([]);
        const after = connection.subscribe(PAIR, { n: 'TH-NONE-1', c: 'MY' });
        await connection.subscribe(PAIR, { n: '', c: 'MY' }).until(1);
        expect(after.errors).toBeUndefined();
      } finally {
        await connection.close();
      }
      expect(await world.fingerprint()).toEqual(before);
    });

    it('closes a connection whose message is over the body limit, and goes on answering', async () => {
      const connection = new SubscriptionConnection(world.registry.baseUrl);
      try {
        const huge = connection.subscribe(`subscription { recognitionChanged(certificateNumber: "${'x'.repeat(200_000)}", country: "MY") { factId } }`);
        await huge.until(1);
        expect(huge.received).toEqual([]);
        expect(connection.closeCode).toBe(1009); // "message too big"
      } finally {
        await connection.close();
      }
      expect((await graphql(world.registry.http, '{ __typename }')).status).toBe(200);
    });
  });

  describe('the verification pages', () => {
    /** What a page refusing bad input must look like: a 4xx page of its own, no stack or path, nothing echoed unescaped. */
    async function pageRefusal(path: string, init: RequestInit = {}): Promise<{ status: string; html: boolean; leaks: boolean; echoed: boolean }> {
      const response = await fetch(new URL(path, world.registry.baseUrl), { redirect: 'manual', ...init });
      const body = await response.text();
      return {
        status: response.status >= 400 && response.status < 500 ? '4xx' : String(response.status),
        html: (response.headers.get('content-type') ?? '').startsWith('text/html') && (response.headers.get('content-security-policy') ?? '').includes("default-src 'none'"),
        leaks: /\s+at\s.+\(.*:\d+:\d+\)|node_modules|\/work\/|stacktrace/i.test(body),
        echoed: /<script>|<img src=x/i.test(body),
      };
    }
    const REFUSED = { status: '4xx', html: true, leaks: false, echoed: false };

    const hostileText = fc.oneof(
      fc.constantFrom(...INJECTIONS, '', ' ', '\u202e', 'A'.repeat(65), 'A'.repeat(5_000), '\u0000', '..%2f..%2f', '%'),
      fc.string({ unit: 'binary', maxLength: 80 }),
    );

    const hostileNumber = fc.oneof(fc.constantFrom(...INJECTIONS, ' ', '\u202e', 'A'.repeat(65), 'A'.repeat(150), 'A'.repeat(5_000), '\u0000', '%'), fc.string({ unit: 'binary', maxLength: 10 }));

    it('answers a hostile number, country or date with a 4xx page that says what to fix, and writes nothing', async () => {
      const before = await world.fingerprint();
      await fc.assert(
        fc.asyncProperty(hostileNumber, fc.oneof(hostileText, fc.constantFrom('XX', 'ΤΗ', 'THA', 'my ')), fc.oneof(impossibleDate, malformedDate, hostileText), async (number, country, asOf) => {
          const query = new URLSearchParams({ country, asOf }).toString();
          expect(await pageRefusal(`/verify/${encodeURIComponent(number)}?${query}`)).toEqual(REFUSED);
        }),
        { numRuns: RUNS_PER_FIELD * 4, examples: [['<script>alert(1)</script>', 'XX', '2024-02-30'], ["' OR '1'='1", '__proto__', '{{7*7}}']] },
      );
      expect(await world.fingerprint()).toEqual(before);
    });

    it.each([
      ['a repeated parameter', '/verify/A-1?country=MY&country=TH'],
      ['a structured parameter', '/verify/A-1?country[]=MY'],
      ['a prototype-poisoning parameter', '/verify/A-1?__proto__[polluted]=1&constructor[prototype][polluted]=1'],
      ['an impossible date', '/verify/A-1?country=MY&asOf=2023-02-29'],
      ['a number past the identifier limit', `/verify/${'A'.repeat(65)}?country=MY`],
      ['a form sent empty', '/verify?number=&country=&asOf='],
      ['a PDF of a hostile number', '/verify/%3Cscript%3E/pdf?country=MY'],
    ])('refuses %s with a 4xx page', async (_what, path) => {
      expect(await pageRefusal(path)).toEqual(REFUSED);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it("answers a number of 5,000 characters, and a path no page has, with the pages' own 4xx page that leaks nothing", async () => {
      for (const path of [`/verify/${'A'.repeat(5_000)}?country=MY`, `/verify/${'A'.repeat(5_000)}/pdf/x`, `/verify/A-1/${'<script>'.repeat(20)}`]) {
        expect(await pageRefusal(path)).toEqual(REFUSED);
      }
    });

    it.each([
      ['knownAt that is not an instant', '/verify/A-1?country=MY&knownAt=yesterday'],
      ['knownAt without a zone', '/verify/A-1?country=MY&knownAt=2025-06-01T10:00:00'],
      ['knownAt still to come', '/verify/A-1?country=MY&knownAt=2999-01-01T00:00:00Z'],
      ['knownAt holding markup', `/verify/A-1?country=MY&knownAt=${encodeURIComponent('<script>alert(1)</script>')}`],
      ['a repeated knownAt', '/verify/A-1?country=MY&knownAt=2025-01-01T00:00:00Z&knownAt=2025-01-02T00:00:00Z'],
      ['a statement of a hostile number', '/verify/%3Cscript%3E/statement?country=MY'],
      ['a statement for a country that is none', '/verify/A-1/statement?country=%3Cimg%20src%3Dx%3E'],
    ])('refuses %s with a 4xx page', async (_what, path) => {
      const before = await world.fingerprint();
      expect(await pageRefusal(path)).toEqual(REFUSED);
      expect(await world.fingerprint()).toEqual(before);
    });

    it('checks any text sent as a statement without failing, echoing markup or writing, and refuses what is no statement', async () => {
      const before = await world.fingerprint();
      const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const forged = (header: unknown, payload: unknown) => `${b64(header)}.${b64(payload)}.${'A'.repeat(86)}`;
      const hostileStatement = fc.oneof(
        hostileText,
        fc.constantFrom(
          forged({ alg: 'none', typ: 'vc+jwt', kid: '<script>alert(1)</script>' }, {}),
          forged({ alg: 'EdDSA', typ: 'vc+jwt', kid: '<img src=x onerror=alert(1)>' }, { evidence: [null] }),
          forged({ alg: 'EdDSA', typ: 'vc+jwt', kid: 'k' }, {
            '@context': ['https://www.w3.org/ns/credentials/v2'],
            type: ['VerifiableCredential', 'RecognitionStatement'],
            issuer: { id: '<script>' },
            validFrom: 'soon',
            credentialSubject: { certificateNumber: '<script>', country: '<img src=x>', asOf: '2024-02-30', recognized: 'yes', knownThrough: { treeSize: 1e300 } },
            evidence: [{ leafIndex: 2 ** 60, treeSize: -1, eventType: '<script>', leafHash: '%%%', auditPath: ['<script>'] }],
            checkpoint: '<script>\n\n— x',
          }),
        ),
        fc.json().map((json) => `${b64({ alg: 'EdDSA', typ: 'vc+jwt' })}.${Buffer.from(json).toString('base64url')}.AAAA`),
      );
      await fc.assert(
        fc.asyncProperty(hostileStatement, async (text) => {
          const form = new FormData();
          form.append('paste', text);
          const response = await fetch(new URL('/verify/statement', world.registry.baseUrl), { method: 'POST', body: form });
          const body = await response.text();
          expect(response.status === 200 || response.status === 400).toBe(true);
          expect(/<script>|<img src=x/i.test(body)).toBe(false);
          expect(/\s+at\s.+\(.*:\d+:\d+\)|node_modules|\/work\//.test(body)).toBe(false);
          if (response.status === 200) expect(body).toContain('The statement does NOT verify');
        }),
        { numRuns: RUNS_PER_FIELD * 2 },
      );
      const tooLarge = await fetch(new URL('/verify/statement', world.registry.baseUrl), { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(200_000) });
      expect([tooLarge.status, tooLarge.headers.get('content-type')]).toEqual([413, 'text/html; charset=utf-8']);
      expect(await world.fingerprint()).toEqual(before);
    });

    it('ignores a hostile language and falls back to English', async () => {
      for (const lang of ['../../etc/passwd', '__proto__', 'constructor', 'xx', '<script>']) {
        const body = await (await fetch(new URL(`/?lang=${encodeURIComponent(lang)}`, world.registry.baseUrl))).text();
        expect(body).toContain('<html lang="en">');
      }
    });

    it.each([
      ['a CSV over the body limit', 'x,MY\n'.repeat(20_000), 'text/csv', 413],
      ['a CSV of 1,001 lines', 'A-1,MY\n'.repeat(1_001), 'text/csv', 413],
      ['a CSV with an unclosed quote', '"A-1,MY\nB-2,TH', 'text/csv', 400],
      ['an empty CSV', '', 'text/csv', 400],
      ['a multipart body without a valid boundary', '--x\r\ngarbage', 'multipart/form-data; boundary=y', 400],
      ['a JSON body', '{"number":"A-1"}', 'application/json', 400],
    ])('refuses %s to the bulk check, and writes nothing', async (_what, body, type, status) => {
      const before = await world.fingerprint();
      const response = await fetch(new URL('/verify/bulk', world.registry.baseUrl), { method: 'POST', headers: { 'content-type': type }, body });
      const text = await response.text();
      expect([response.status, /node_modules|\/work\/|\s+at\s.+:\d+:\d+/.test(text)]).toEqual([status, false]);
      expect(await world.fingerprint()).toEqual(before);
    });

    it('answers hostile lines of a bulk CSV as not checked, and neutralises every cell a spreadsheet would run', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(hostileText, hostileText, fc.oneof(impossibleDate, hostileText)), { minLength: 1, maxLength: 20 }), async (lines) => {
          const csv = lines.map((cells) => cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')).join('\n');
          const response = await fetch(new URL('/verify/bulk?format=csv', world.registry.baseUrl), { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
          const text = await response.text();
          expect(response.status).toBeLessThan(500);
          if (response.status === 200) {
            const cells = text.replace(/^\ufeff/, '').split(/\r?\n|,/).map((cell) => cell.replace(/^"/, ''));
            expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
          }
        }),
        { numRuns: RUNS_PER_FIELD * 2 },
      );
    });

    it('refuses hostile checks in the recognitions query as BAD_USER_INPUT naming the row and field', async () => {
      const answer = await graphql(world.registry.http, `query($checks: [RecognitionCheck!]!) { recognitions(checks: $checks) { recognized } }`, {
        checks: [{ certificateNumber: 'A-1', country: 'MY' }, { certificateNumber: 'A-1', country: "' OR '1'='1" }],
      });
      expect(answer.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'checks.1.country' }] });
    });
  });
});
