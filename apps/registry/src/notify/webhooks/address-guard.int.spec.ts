import { AddressGuard, WebhookTargetRefused } from './address-guard';

describe('the webhook address guard', () => {
  const guard = new AddressGuard([]);

  it.each([
    'http://127.0.0.1/hook',
    'http://[::1]/hook',
    'http://10.1.2.3/hook',
    'http://172.16.0.9/hook',
    'http://192.168.1.1/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[fe80::1]/hook',
    'http://[fd00::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://100.64.0.1/hook',
    'http://0.0.0.0/hook',
    'http://localhost:8080/hook',
    'http://api.localhost/hook',
  ])('refuses %s as written', (url) => {
    expect(() => guard.checkLiteral(url)).toThrow(WebhookTargetRefused);
  });

  it('lets a public address and a host name through the literal check (the name is checked once resolved)', () => {
    expect(() => guard.checkLiteral('https://93.184.216.34/hook')).not.toThrow();
    expect(() => guard.checkLiteral('https://hooks.example.com/hook')).not.toThrow();
  });

  it('refuses a name that resolves to a loopback address, after resolution', async () => {
    // 'localhost' resolves from /etc/hosts without a network.
    await expect(guard.resolve('http://localhost:9/hook')).rejects.toThrow(/resolves to (127\.0\.0\.1|::1), a loopback address/);
  });

  it('reaches what REGISTRY_WEBHOOK_ALLOWED_HOSTS lists, by address or by name', async () => {
    const allowing = new AddressGuard(['127.0.0.1', 'localhost']);
    expect(() => allowing.checkLiteral('http://127.0.0.1:9/hook')).not.toThrow();
    await expect(allowing.resolve('http://127.0.0.1:9/hook')).resolves.toEqual({ address: '127.0.0.1', family: 4 });
    await expect(allowing.resolve('http://localhost:9/hook')).resolves.toMatchObject({ address: expect.stringMatching(/^(127\.0\.0\.1|::1)$/) });
  });
});
