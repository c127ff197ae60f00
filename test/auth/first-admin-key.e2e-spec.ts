import { type RunningRegistry, startRegistry } from '../support/in-process-registry';

const REGISTER_SCHEME = `mutation($input: RegisterSchemeInput!) { registerScheme(input: $input) { position } }`;
const scheme = (code: string) => ({ input: { code, title: 'Requirements for Productivity Specialists' } });

describe('the first administrator key', () => {
  let registry: RunningRegistry | undefined;
  afterEach(async () => {
    await registry?.cleanup();
    registry = undefined;
  });

  it('is REGISTRY_ADMIN_KEY on a new store, and works as an ACCREDITATION_BODY key', async () => {
    const adminKey = 'operator-chosen-first-key-0123456789';
    registry = await startRegistry({ config: { adminKey } });
    const response = await registry.http.graphql(REGISTER_SCHEME, scheme('APO-PS 101:2023'), {
      authorization: `Bearer ${adminKey}`,
    });
    expect(response.body.errors).toBeUndefined();
  });

  it('keeps working after a restart without REGISTRY_ADMIN_KEY, its slow check paid once', async () => {
    const adminKey = 'operator-chosen-first-key-kept-after-restart';
    registry = await startRegistry({ config: { adminKey } });
    registry = await registry.restart({ adminKey: undefined });
    for (const code of ['APO-PS 101:2023', 'APO-GPS 201:2023']) {
      const response = await registry.http.graphql(REGISTER_SCHEME, scheme(code), { authorization: `Bearer ${adminKey}` });
      expect(response.body.errors).toBeUndefined();
    }
  });

  it('is generated and printed once when REGISTRY_ADMIN_KEY is not set', async () => {
    const printed: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      registry = await startRegistry();
      registry = await registry.restart();
    } finally {
      spy.mockRestore();
    }
    const keys = printed.join('').match(/mrr_[0-9a-f]{16}_[A-Za-z0-9_-]{43}/g) ?? [];
    expect(keys).toHaveLength(1);
    const response = await registry.http.graphql(REGISTER_SCHEME, scheme('APO-GPS 201:2023'), {
      authorization: `Bearer ${keys[0]}`,
    });
    expect(response.body.errors).toBeUndefined();
  });

  it('is not replaced by a later REGISTRY_ADMIN_KEY once the store has keys', async () => {
    registry = await startRegistry({ config: { adminKey: 'the-very-first-operator-key-000000' } });
    registry = await registry.restart({ adminKey: 'a-second-operator-key-1111111111' });
    const response = await registry.http.graphql(REGISTER_SCHEME, scheme('APO-PS 101:2023'), {
      authorization: 'Bearer a-second-operator-key-1111111111',
    });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
