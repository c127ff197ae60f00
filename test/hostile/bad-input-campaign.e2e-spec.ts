import fc from 'fast-check';
import { testStoreKind } from '../support/test-store';
import { errorCodes, graphql, type GraphqlAnswer } from './support/graphql-calls';
import { canonicalHostileValues, hostileValueFor, inputFieldsOf, INJECTIONS, type InputField } from './support/hostile-values';
import { MUTATION_TABLE, rightfulKey } from './support/mutation-table';
import { buildWorld, type World } from './support/world';

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
    world = await buildWorld();
  }, 60_000);

  afterAll(async () => {
    await world?.registry.cleanup();
  });

  describe.each(Object.keys(MUTATION_TABLE))('%s', (name) => {
    it('refuses a hostile value in any one field as BAD_USER_INPUT, with nothing written', async () => {
      const entry = MUTATION_TABLE[name];
      // The rest of the input is one the rightful caller could send successfully: only the hostile field is at fault.
      const prepared = await world.once(`prepared ${name}`, () => entry.prepare(world));
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
          await send(Array.from({ length: 51 }, () => item));
          for (const nested of field.nested) {
            for (const value of canonicalHostileValues(nested)) await send([{ ...item, [nested.name]: value }]);
          }
        }
      }
      expect(await world.fingerprint()).toEqual(before);
    }, 60_000);

    it('refuses a malformed input as a whole: unknown fields, a missing required field, not an object', async () => {
      const entry = MUTATION_TABLE[name];
      const prepared = await world.once(`prepared ${name}`, () => entry.prepare(world));
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
});
