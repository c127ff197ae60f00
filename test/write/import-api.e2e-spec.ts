import type { EventStore } from '@registry/event-store';
import { EVENT_STORE } from '../../apps/registry/src/store';
import { graphql, type GraphqlAnswer } from '../hostile/support/graphql-calls';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';

const ADMIN_KEY = 'import-api-suite-admin-key-0123456789abc';
const PS = 'APO-PS 101:2023';
const CB = 'th-import-api';
const IMPORT = `mutation($input: ImportCertificatesInput!) {
  importCertificates(input: $input) { dryRun written skipped refused rows { index number event outcome reason field message } }
}`;

type Row = { index: number; number: string; event: string; outcome: string; reason: string | null; field: string | null };
type Result = { dryRun: boolean; written: number; skipped: number; refused: number; rows: Row[] };

describe('importCertificates: up to 1,000 rows of certificates’ histories through the API', () => {
  let registry: RunningRegistry;
  let cbKey = '';
  const taken = 'TH-API-TAKEN';
  const rows = [
    { number: 'TH-API-1', event: 'ISSUED', date: '2024-03-01', schemeCode: PS, holderName: 'Somchai Jaidee', validUntil: '2027-02-28' },
    { number: taken, event: 'ISSUED', date: '2024-03-01', schemeCode: PS, holderName: 'Somsak Jaidee', validUntil: '2027-02-28' },
    { number: 'TH-API-1', event: 'SUSPENDED', date: '2025-01-10', reason: 'complaint' },
    { number: taken, event: 'SUSPENDED', date: '2025-01-10', reason: 'complaint' },
    { number: 'TH-API-2', event: 'WITHDRAWN', date: '2025-01-10', reason: 'breach' },
  ];
  const lastPosition = async (): Promise<bigint> => (await registry.app.get<EventStore>(EVENT_STORE).readAll({ direction: 'backwards', maxCount: 1 }))[0].position;
  const send = (input: Record<string, unknown>, key = cbKey): Promise<GraphqlAnswer> => graphql(registry.http, IMPORT, { input }, key);
  const result = (answer: GraphqlAnswer): Result => {
    expect(answer.errors).toEqual([]);
    return (answer.data as { importCertificates: Result }).importCertificates;
  };
  const outcomes = (answer: GraphqlAnswer) => result(answer).rows.map(({ index, outcome, reason, field }) => [index, outcome, reason, field]);

  beforeAll(async () => {
    // 1,000 rows are about 150 kB: they fit the default limit of /graphql (256 KiB), not the other routes' 64 KiB.
    registry = await startRegistry({ config: { adminKey: ADMIN_KEY } });
    const must = async (name: string, type: string, input: Record<string, unknown>, key = ADMIN_KEY): Promise<Record<string, unknown>> => {
      const answer = await graphql(registry.http, `mutation($input: ${type}!) { result: ${name}(input: $input) ${name === 'createApiKey' ? '{ key }' : '{ replayed }'} }`, { input }, key);
      expect(answer.errors).toEqual([]);
      return (answer.data as { result: Record<string, unknown> }).result;
    };
    await must('registerScheme', 'RegisterSchemeInput', { code: PS, title: 'Productivity Specialist' });
    await must('accreditCertificationBody', 'AccreditCertificationBodyInput', { cbId: CB, name: 'API import body', country: 'TH', scope: [PS], accreditedOn: '2023-01-01', validUntil: '2030-12-31' });
    cbKey = String((await must('createApiKey', 'CreateApiKeyInput', { role: 'CERTIFICATION_BODY', cbId: CB, label: 'importer' })).key);
    await must('issueCertificate', 'IssueCertificateInput', { number: taken, cbId: CB, schemeCode: PS, holderName: 'Somsak Jaidee', issuedOn: '2024-02-01', validUntil: '2027-02-28' }, cbKey);
  }, 60_000);

  afterAll(async () => {
    await registry?.cleanup();
  });

  const expected = (written: 'WRITTEN' | 'SKIPPED') => [
    [0, written, null, null],
    [1, 'REFUSED', 'CERTIFICATE_NUMBER_TAKEN', 'number'],
    [2, written, null, null],
    [3, 'REFUSED', 'FOLLOWS_REFUSED_ROW', null],
    [4, 'REFUSED', 'INVALID_ROW', 'event'],
  ];

  it('a dry run answers every row as the real run would, and writes nothing', async () => {
    const before = await lastPosition();
    const answer = await send({ cbId: CB, rows, dryRun: true });
    expect(outcomes(answer)).toEqual(expected('WRITTEN'));
    expect(result(answer)).toMatchObject({ dryRun: true, written: 2, skipped: 0, refused: 3 });
    expect(await lastPosition()).toBe(before);
  });

  it('writes the good rows, refuses the rest row by row (a refused row stops its certificate), and shows them at once', async () => {
    const answer = await send({ cbId: CB, rows });
    expect(outcomes(answer)).toEqual(expected('WRITTEN'));
    const certificate = await graphql(registry.http, 'query { certificate(number: "TH-API-1") { status holderName } }');
    expect(certificate.data).toEqual({ certificate: { status: 'SUSPENDED', holderName: 'Somchai Jaidee' } });
  });

  it('sent again, writes nothing and answers the rows already recorded as SKIPPED', async () => {
    const before = await lastPosition();
    const answer = await send({ cbId: CB, rows });
    expect(outcomes(answer)).toEqual(expected('SKIPPED'));
    expect(await lastPosition()).toBe(before);
  });

  it('refuses more than 1,000 rows as BAD_USER_INPUT naming rows, and another CB\'s rows as FORBIDDEN, writing nothing', async () => {
    const before = await lastPosition();
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...rows[0], number: `TH-API-MANY-${i}` }));
    const tooMany = await send({ cbId: CB, rows: many });
    expect(tooMany.errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(tooMany.errors[0].extensions)).toContain('rows');
    const other = await send({ cbId: 'my-someone-else', rows: [rows[0]] });
    expect(other.errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await lastPosition()).toBe(before);
  });
});
