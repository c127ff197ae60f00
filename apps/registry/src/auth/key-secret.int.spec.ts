import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDataDir } from '../../../../libs/event-store/src/sqlite/testing/temp-data-dir';
import { KEY_SECRET_FILE, loadKeySecret } from './key-secret';

describe('the secret API keys are hashed with', () => {
  const dir = makeTempDataDir('key-secret');
  afterAll(() => dir.remove());

  it('is generated once into the data directory of the embedded store, readable by its owner only', () => {
    const first = loadKeySecret({ dataDir: dir.dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir.dataDir, KEY_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(loadKeySecret({ dataDir: dir.dataDir })).toEqual(first);
  });

  it('comes from the configuration when given, as a value or a file', () => {
    const file = join(dir.dataDir, 'shared-secret');
    writeFileSync(file, 'a secret shared by every replica, 32+ characters\n');
    expect(loadKeySecret({ dataDir: dir.dataDir, keySecretFile: file }).toString()).toBe('a secret shared by every replica, 32+ characters');
    expect(loadKeySecret({ dataDir: dir.dataDir, keySecret: 'x'.repeat(40) }).toString()).toBe('x'.repeat(40));
  });

  it('must be configured on EventStoreDB, where replicas could not share a generated one: start-up is refused', () => {
    expect(() => loadKeySecret({ dataDir: dir.dataDir, eventStoreConnectionString: 'esdb://127.0.0.1:2113?tls=false' })).toThrow(
      /set REGISTRY_KEY_SECRET \(32 characters or more\) or REGISTRY_KEY_SECRET_FILE/,
    );
  });

  it('refuses a file that is missing or too short', () => {
    const short = join(dir.dataDir, 'short');
    writeFileSync(short, 'short\n');
    expect(() => loadKeySecret({ dataDir: dir.dataDir, keySecretFile: short })).toThrow(/fewer than 32 characters/);
    expect(() => loadKeySecret({ dataDir: dir.dataDir, keySecretFile: join(dir.dataDir, 'nope') })).toThrow(/cannot be read/);
  });
});
