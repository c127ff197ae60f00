import { ConfigError, loadConfig } from './load-config';

describe('Loading the configuration from the environment', () => {
  it('needs nothing set: port 3000 on all interfaces, ./data, the embedded store, info logs', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      eventStoreConnectionString: undefined,
      adminKey: undefined,
      keySecret: undefined,
      keySecretFile: undefined,
      logLevel: 'info',
      logOrigin: 'mutual-recognition-registry/log',
      signingKeyFile: undefined,
      verifyLogAtStart: 'auto',
      publicUrl: undefined,
      allowTamperedLog: false,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      REGISTRY_DATA_DIR: '/var/lib/registry',
      EVENTSTORE_CONNECTION_STRING: 'esdb+discover://node1:2113?tls=true',
      REGISTRY_ADMIN_KEY: 'a-long-enough-admin-key-0123456789',
      REGISTRY_KEY_SECRET_FILE: '/etc/registry/key-secret',
      LOG_LEVEL: 'warn',
      REGISTRY_LOG_ORIGIN: 'registry.example.org/log',
      REGISTRY_SIGNING_KEY_FILE: '/etc/registry/signing-key.pem',
      REGISTRY_VERIFY_LOG_AT_START: 'full',
      REGISTRY_PUBLIC_URL: 'https://registry.example.org/',
    });

    expect(config).toEqual({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/var/lib/registry',
      eventStoreConnectionString: 'esdb+discover://node1:2113?tls=true',
      adminKey: 'a-long-enough-admin-key-0123456789',
      keySecret: undefined,
      keySecretFile: '/etc/registry/key-secret',
      logLevel: 'warn',
      logOrigin: 'registry.example.org/log',
      signingKeyFile: '/etc/registry/signing-key.pem',
      verifyLogAtStart: 'full',
      publicUrl: 'https://registry.example.org',
      allowTamperedLog: false,
    });
  });

  it('takes the key secret from one place only', () => {
    expect(() => loadConfig({ REGISTRY_KEY_SECRET: 'k'.repeat(32), REGISTRY_KEY_SECRET_FILE: '/etc/registry/key-secret' })).toThrow(
      /REGISTRY_KEY_SECRET or REGISTRY_KEY_SECRET_FILE, not both/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', EVENTSTORE_CONNECTION_STRING: '  ' })).toMatchObject({ port: 3000, eventStoreConnectionString: undefined });
  });

  it.each([
    ['PORT', 'abc', /PORT must be a whole number from 0 to 65535 \(got "abc"\)/],
    ['PORT', '70000', /PORT must be a whole number/],
    ['PORT', '-1', /PORT must be a whole number/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent \(got "loud"\)/],
    ['EVENTSTORE_CONNECTION_STRING', 'http://localhost:2113', /EVENTSTORE_CONNECTION_STRING must be an EventStoreDB connection string/],
    ['REGISTRY_ADMIN_KEY', 'short', /REGISTRY_ADMIN_KEY must be at least 32 characters/],
    ['REGISTRY_LOG_ORIGIN', 'a registry', /REGISTRY_LOG_ORIGIN must be 1 to 200 characters without spaces or "\+"/],
    ['REGISTRY_VERIFY_LOG_AT_START', 'sometimes', /REGISTRY_VERIFY_LOG_AT_START must be auto, full or incremental/],
    ['REGISTRY_PUBLIC_URL', 'registry.example.org', /REGISTRY_PUBLIC_URL must be an http\(s\) URL/],
    ['REGISTRY_PUBLIC_URL', 'https://registry.example.org/?next=evil', /REGISTRY_PUBLIC_URL must be an http\(s\) URL/],
    ['HOST', 'not a host', /HOST must be a host name or an IP address/],
    ['REGISTRY_KEY_SECRET', 'too-short-to-resist-guessing', /REGISTRY_KEY_SECRET must be 32 to 512 printable characters/],
  ])('refuses %s=%s with a message naming the variable', (name, value, message) => {
    const load = (): unknown => loadConfig({ [name]: value });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(message);
  });

  it('checks test overrides by the same rules', () => {
    expect(() => loadConfig({}, { port: 1.5 })).toThrow(/PORT must be a whole number/);
    expect(loadConfig({ PORT: '4000' }, { port: 0 }).port).toBe(0);
  });
});
