import type { EventStore } from '@registry/event-store';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE } from '../../apps/registry/src/store';
import { startRegistry, type RunningRegistry } from '../support/in-process-registry';
import { generateApiKey } from '../../apps/registry/src/auth';

type GraphqlError = { message: string; extensions?: Record<string, unknown> };
type Answer = { data: Record<string, Record<string, unknown> | null> | null; errors: GraphqlError[] };
type CommandResult = { commandId: string; position: string; replayed: boolean; events: { stream: string; revision: number; position: string; type: string }[] };

const PS = 'APO-PS 101:2023';
const RESULT = 'commandId position replayed events { stream revision position type }';

describe('mutations over HTTP', () => {
  let registry: RunningRegistry;
  let adminKey: string;
  let cbKey: string;

  async function call(query: string, variables: Record<string, unknown>, key?: string): Promise<Answer> {
    const headers: Record<string, string> = key === undefined ? {} : { authorization: `Bearer ${key}` };
    const response = await registry.http.graphql<Record<string, Record<string, unknown> | null>>(query, variables, headers);
    return { data: response.body.data ?? null, errors: response.body.errors ?? [] };
  }

  /** `mutation($input: XInput!) { name(input: $input) { …selection } }` */
  async function mutate(name: string, input: Record<string, unknown>, key?: string, selection = RESULT): Promise<Answer> {
    const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
    return call(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} } }`, { input }, key);
  }

  async function must(name: string, input: Record<string, unknown>, key: string, selection = RESULT): Promise<Record<string, unknown>> {
    const answer = await mutate(name, input, key, selection);
    expect(answer.errors).toEqual([]);
    return answer.data?.[name] as Record<string, unknown>;
  }

  const lastPosition = async (): Promise<bigint> => {
    const [last] = await registry.app.get<EventStore>(EVENT_STORE).readAll({ direction: 'backwards', maxCount: 1 });
    return last?.position ?? 0n;
  };

  beforeAll(async () => {
    adminKey = generateApiKey().secret;
    // On a new store the registry makes REGISTRY_ADMIN_KEY its first ACCREDITATION_BODY key.
    registry = await startRegistry({ config: { adminKey } });
    await must('registerScheme', { code: PS, title: 'Productivity Specialist' }, adminKey);
    await must(
      'accreditCertificationBody',
      { cbId: 'th-ftpi', name: 'Foundation for Thailand Productivity Institute', country: 'TH', scope: [PS], accreditedOn: '2024-01-01', validUntil: '2027-12-31' },
      adminKey,
    );
    const created = await must('createApiKey', { role: 'CERTIFICATION_BODY', cbId: 'th-ftpi', label: 'FTPI registry clerk' }, adminKey, `keyId key ${RESULT}`);
    cbKey = String(created.key);
  });

  afterAll(async () => {
    await registry?.cleanup();
  });

  it('answers a mutation with the events it recorded and their position, and queries already show the write', async () => {
    const result = (await must(
      'issueCertificate',
      { number: 'TH-PS-2024-0001', cbId: 'th-ftpi', schemeCode: PS, holderName: 'Siti Rahmawati', issuedOn: '2024-03-01', validUntil: '2027-02-28' },
      cbKey,
    )) as CommandResult;

    expect(result.events).toEqual([{ stream: 'certificate-TH-PS-2024-0001', revision: 0, position: result.position, type: 'CertificateIssued' }]);
    expect(BigInt(result.position)).toBe(await lastPosition());
    const read = await call('query { certificate(number: "TH-PS-2024-0001") { number holderName status } }', {});
    expect(read.data?.certificate).toEqual({ number: 'TH-PS-2024-0001', holderName: 'Siti Rahmawati', status: 'ACTIVE' });
  });

  it('returns BAD_USER_INPUT with the path of every bad field at once, and records nothing', async () => {
    const before = await lastPosition();

    const answer = await mutate(
      'accreditCertificationBody',
      { cbId: 'bad id!', name: 'Name\u0000', country: 'ZZ', scope: Array.from({ length: 51 }, (_, n) => `s-${n}`), accreditedOn: '2024-01-01', validUntil: '2026-01-01' },
      adminKey,
    );

    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0].extensions?.code).toBe('BAD_USER_INPUT');
    const paths = (answer.errors[0].extensions?.fields as { path: string }[]).map((field) => field.path);
    expect([...new Set(paths)].sort()).toEqual(['input.cbId', 'input.country', 'input.name', 'input.scope']);
    expect(await lastPosition()).toBe(before);
  });

  it('refuses a date that does not exist as BAD_USER_INPUT, and records nothing', async () => {
    const before = await lastPosition();

    const answer = await mutate('renewAccreditation', { cbId: 'th-ftpi', effectiveOn: '2024-02-30', validUntil: '2030-01-01' }, adminKey);

    expect(answer.errors.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(await lastPosition()).toBe(before);
  });

  it('reports a broken rule as RULE_VIOLATED with the rule code and field, and records nothing', async () => {
    const before = await lastPosition();

    const answer = await mutate(
      'issueCertificate',
      { number: 'TH-PS-2024-0002', cbId: 'th-ftpi', schemeCode: PS, holderName: 'Somchai Jaidee', issuedOn: '2023-06-01', validUntil: '2026-05-31' },
      cbKey,
    );

    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0].extensions).toEqual({ code: 'RULE_VIOLATED', rule: 'CB_NOT_ACCREDITED', field: 'input.cbId' });
    expect(await lastPosition()).toBe(before);
  });

  it('answers a repeated commandId with the first result and records nothing the second time', async () => {
    const commandId = randomUUID();
    const input = { commandId, cbId: 'th-ftpi', effectiveOn: '2024-04-01', reason: 'surveillance audit findings' };
    const first = (await must('suspendAccreditation', input, adminKey)) as CommandResult;
    const before = await lastPosition();

    const again = (await must('suspendAccreditation', input, adminKey)) as CommandResult;

    expect(again).toEqual({ ...first, replayed: true });
    expect(await lastPosition()).toBe(before);
  });

  it('shows a new key once: a replayed createApiKey answers without it', async () => {
    const commandId = randomUUID();
    const input = { commandId, role: 'AUDITOR', label: 'Ministry auditor' };
    const first = await must('createApiKey', input, adminKey, `keyId key ${RESULT}`);

    const again = await must('createApiKey', input, adminKey, `keyId key ${RESULT}`);

    expect(first.key).toEqual(expect.stringMatching(/^mrr_/));
    expect(again).toMatchObject({ keyId: first.keyId, key: null, replayed: true, position: first.position });
  });

  it('refuses a caller without a key, and a key whose role may not send the command, before reading the input', async () => {
    const anonymous = await mutate('registerScheme', { code: '', title: '' });
    const certificationBody = await mutate('registerScheme', { code: '', title: '' }, cbKey);

    expect(anonymous.errors.map((error) => error.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(certificationBody.errors.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
