import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDataDir } from '../../libs/event-store/src/sqlite/testing/temp-data-dir';
import { describeOnEmbeddedStore } from '../support/test-store';
import { errorCodes, graphql } from './support/graphql-calls';
import { startRegistryChild } from './support/registry-child';
import { buildWorld, MY, PS, TH, type World } from './support/world';

/** Findings 5–8 of the second hostile round that are not about cost (see server-cost.e2e-spec.ts for 1–4). */
describe('Hostile callers, round two', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld();
  }, 60_000);

  afterAll(async () => {
    await world?.registry.cleanup();
  });

  const certificateInput = (number: string, holderName = 'Somchai Jaidee'): Record<string, unknown> => ({
    number,
    cbId: TH.cbId,
    schemeCode: PS,
    holderName,
    issuedOn: '2024-03-01',
    validUntil: '2027-02-28',
  });

  describe('commandId (finding 6)', () => {
    it('refuses the same id sent again with another input as CONFLICT COMMAND_ID_REUSED, recording nothing', async () => {
      const commandId = randomUUID();
      const number = `TH-CID-${world.unique()}`;
      await world.must('issueCertificate', { ...certificateInput(number), commandId }, world.keys.th);
      const before = await world.fingerprint();

      const changed = await world.send('issueCertificate', { ...certificateInput(number, 'Someone Else'), commandId }, world.keys.th);
      const again = await world.send('issueCertificate', { ...certificateInput(number), commandId }, world.keys.th);

      expect(errorCodes(changed)).toEqual(['CONFLICT']);
      expect(changed.errors[0].extensions).toMatchObject({ reason: 'COMMAND_ID_REUSED', commandId });
      expect(again.data?.issueCertificate).toMatchObject({ replayed: true });
      expect(await world.fingerprint()).toEqual(before);
    });

    it("authorizes before any replay: another CB sending the owner's id gets FORBIDDEN, never the owner's events", async () => {
      const commandId = randomUUID();
      const number = `TH-CID-${world.unique()}`;
      await world.must('issueCertificate', certificateInput(number), world.keys.th);
      const suspension = { number, effectiveOn: '2025-01-10', reason: 'complaint', commandId };
      await world.must('suspendCertificate', suspension, world.keys.th);
      const before = await world.fingerprint();

      const stolen = await world.send('suspendCertificate', suspension, world.keys.my);

      expect(errorCodes(stolen)).toEqual(['FORBIDDEN']);
      expect(stolen.errors[0].extensions).toMatchObject({ rule: 'NOT_OWN_CERTIFICATE', field: 'input.number' });
      expect(JSON.stringify(stolen)).not.toContain('position');
      expect(await world.fingerprint()).toEqual(before);
    });

    it("lets no key block another's decision by using its command id first on the same stream", async () => {
      const number = `TH-CID-${world.unique()}`;
      await world.must('issueCertificate', certificateInput(number), world.keys.th);
      const second = String((await world.must('createApiKey', { role: 'CERTIFICATION_BODY', cbId: MY.cbId, label: 'second MY key' }, world.keys.admin)).key);
      const commandId = randomUUID();
      const decision = { certificateNumber: number, country: MY.country, arrangementId: 'mra-th-my-app', decidedOn: '2025-06-01' };
      await world.must('grantRecognition', { ...decision, commandId }, second);

      const revoked = await world.send('revokeRecognition', { ...decision, decidedOn: '2025-07-01', reason: 'lapsed', commandId }, world.keys.my);

      expect(revoked.errors).toEqual([]);
      expect(revoked.data?.revokeRecognition).toMatchObject({ replayed: false });
    });
  });

  describe('several mutations in one request (finding 7)', () => {
    it('refuses a document with more than one mutation before writing anything, and says so', async () => {
      const numbers = Array.from({ length: 51 }, () => `TH-MULTI-${world.unique()}`);
      numbers[25] = numbers[24];
      const fields = numbers.map(
        (number, i) =>
          `m${i}: issueCertificate(input: { number: "${number}", cbId: "${TH.cbId}", schemeCode: "${PS}", holderName: "H", issuedOn: "2024-03-01", validUntil: "2027-02-28" }) { position }`,
      );
      const before = await world.fingerprint();

      const answer = await graphql(world.registry.http, `mutation { ${fields.join(' ')} }`, {}, world.keys.th);
      const viaFragment = await graphql(
        world.registry.http,
        'mutation { ...Two } fragment Two on Mutation { a: registerScheme(input: { code: "X-1", title: "x" }) { position } b: registerScheme(input: { code: "X-2", title: "x" }) { position } }',
        {},
        world.keys.admin,
      );

      const two = await graphql(
        world.registry.http,
        `mutation { ${fields.slice(0, 2).join(' ')} }`,
        {},
        world.keys.th,
      );

      // The issue's 51 are refused by the token limit already; two are enough to be refused as such.
      expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
      for (const refused of [two, viaFragment]) {
        expect(refused.status).toBe(400);
        expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
        expect(refused.errors[0].extensions).toMatchObject({ reason: 'ONE_MUTATION_PER_REQUEST' });
        expect(refused.errors[0].message).toMatch(/nothing was written/);
      }
      expect(await world.fingerprint()).toEqual(before);
    });
  });

  describe('smaller holes (finding 8)', () => {
    it('shows no key hash through history, not even to an AUDITOR', async () => {
      const created = await world.must('createApiKey', { role: 'AUDITOR', label: 'to inspect' }, world.keys.admin);
      const streams = [`apikey-${String(created.keyId)}`, 'apikey-admin'];

      for (const stream of streams) {
        const answer = await graphql(world.registry.http, 'query($s: String!) { history(stream: $s) { data } }', { s: stream }, world.keys.auditor);
        const events = answer.data?.history as Array<{ data: string }>;
        expect(events.length).toBeGreaterThan(0);
        for (const event of events) {
          expect(JSON.parse(event.data)).toMatchObject({ keyHash: '[redacted]' });
          expect(event.data).not.toMatch(/[0-9a-f]{64}/);
        }
      }
    });

    it('answers two operations without operationName over GET as BAD_USER_INPUT, never an internal error', async () => {
      const response = await world.registry.http.get<{ errors: Array<{ extensions: { code: string } }> }>(
        `/graphql?query=${encodeURIComponent('query A { __typename } query B { __typename }')}`,
      );

      expect(response.status).toBe(400);
      expect(response.body.errors.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    });

    it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('answers GET /graphiql/assets/%s with 404 and no path', async (name) => {
      const response = await world.registry.http.get(`/graphiql/assets/${name}`);

      expect(response.status).toBe(404);
      expect(JSON.stringify(response.body)).not.toMatch(/\/(work|home|tmp|node_modules)\//);
    });

    it('refuses a revoked or unknown key even for __typename and __schema', async () => {
      for (const key of [world.keys.revokedTh, `mrr_0123456789abcdef_${'A'.repeat(43)}`, 'not-a-key-at-all-but-long-enough']) {
        for (const query of ['query { __typename }', 'query { __schema { queryType { name } } }']) {
          const answer = await graphql(world.registry.http, query, {}, key);
          expect([answer.status, errorCodes(answer)]).toEqual([401, ['UNAUTHENTICATED']]);
        }
      }
    });

    it('stores holder names in NFC and refuses invisible format characters and piles of combining marks', async () => {
      const refused = await Promise.all(
        ['Siti\u200BRahmawati', 'Siti\u200FRahmawati', 'Siti\u061CRahmawati', `Siti${'\u0301'.repeat(30)}`].map((holderName) =>
          world.send('issueCertificate', certificateInput(`TH-NAME-${world.unique()}`, holderName), world.keys.th),
        ),
      );
      const number = `TH-NAME-${world.unique()}`;
      await world.must('issueCertificate', certificateInput(number, 'Nguye\u0302\u0303n'), world.keys.th);
      const stored = await graphql(world.registry.http, 'query($n: String!) { certificate(number: $n) { holderName } }', { n: number });

      for (const answer of refused) {
        expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
        expect(answer.errors[0].extensions?.fields).toEqual([expect.objectContaining({ path: 'input.holderName' })]);
      }
      expect(stored.data?.certificate).toEqual({ holderName: 'Nguy\u1EC5n' });
    });

    it("refuses a CB a certificate number under another CB's declared prefix, in any case, writing nothing; the owner issues it", async () => {
      const prefix = `MY${world.unique()}`;
      await world.must('declareCertificateNumberPrefix', { prefix, cbId: MY.cbId }, world.keys.admin);
      const before = await world.fingerprint();

      const squatted = await Promise.all(
        [`${prefix}-PS-0001`, `${prefix.toLowerCase()}-PS-0001`, `${prefix}.7`].map((number) =>
          world.send('issueCertificate', certificateInput(number), world.keys.th),
        ),
      );
      const again = await world.send('declareCertificateNumberPrefix', { prefix: prefix.toLowerCase(), cbId: TH.cbId }, world.keys.admin);

      for (const answer of squatted) {
        expect(errorCodes(answer)).toEqual(['RULE_VIOLATED']);
        expect(answer.errors[0].extensions).toMatchObject({ rule: 'NUMBER_PREFIX_OF_ANOTHER_CB' });
      }
      expect(errorCodes(again)).toEqual(['CONFLICT']);
      expect(await world.fingerprint()).toEqual(before);
      await world.must('issueCertificate', { ...certificateInput(`${prefix}-PS-0001`), cbId: MY.cbId }, world.keys.my);
      // Numbers under no declared prefix stay open to every CB.
      await world.must('issueCertificate', certificateInput(`PS-TH-${world.unique()}`), world.keys.th);
    });

    it('applies one rule to identifiers: exact and case-sensitive; country codes in any case', async () => {
      const number = `TH-CASE-${world.unique()}`;
      await world.must('issueCertificate', certificateInput(number), world.keys.th);
      const query = 'query($n: String!, $c: String!) { certificate(number: $n) { number } recognition(certificateNumber: $n, country: $c) { country } }';

      const exact = await graphql(world.registry.http, query, { n: number, c: 'my' });
      const lower = await graphql(world.registry.http, query, { n: number.toLowerCase(), c: 'MY' });

      expect(exact.data).toEqual({ certificate: { number }, recognition: { country: 'MY' } });
      expect(lower.data?.certificate).toBeNull();
    });
  });
});

describeOnEmbeddedStore('The data directory of a running registry (finding 8)', () => {
  const dir = makeTempDataDir('modes');

  afterAll(() => dir.remove());

  it('is 0700 and every file in it 0600', async () => {
    const registry = await startRegistryChild({ REGISTRY_ADMIN_KEY: `modes-admin-key-${'M'.repeat(24)}`, REGISTRY_DATA_DIR: dir.dataDir });
    try {
      await graphql(registry.http, 'mutation($input: RegisterSchemeInput!) { registerScheme(input: $input) { position } }', { input: { code: 'MODE-1', title: 't' } }, `modes-admin-key-${'M'.repeat(24)}`);
      const files = readdirSync(dir.dataDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());

      expect(statSync(dir.dataDir).mode & 0o777).toBe(0o700);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) expect([file.name, statSync(join(file.parentPath, file.name)).mode & 0o777]).toEqual([file.name, 0o600]);
    } finally {
      await registry.stop();
    }
  }, 60_000);
});
