import { openSqliteEventStore, type EventStore } from '@registry/event-store';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import { admitBulkWriter } from './bulk-writer';
import { TamperedLogError } from './log-difference';
import { TransparencyLog } from './transparency-log';

const ORIGIN = 'registry.test/log';

async function appendEvents(store: EventStore, count: number, from = 0): Promise<void> {
  for (let i = from; i < from + count; i += 1) {
    await store.append(`certificate-B${i}`, [{ id: crypto.randomUUID(), type: 'CertificateIssued', data: { n: i }, metadata: {} }], { expectedRevision: 'no_stream' });
  }
}

describe('a bulk writer on the embedded store while the registry is stopped (npm run import)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A log of 10 events the registry followed, signed and stopped cleanly. */
  async function stoppedRegistry(): Promise<{ dataDir: string; store: EventStore }> {
    const dir = makeTempDataDir('tlog-bulk');
    cleanups.push(() => dir.remove());
    const store = await openSqliteEventStore({ dataDir: dir.dataDir });
    cleanups.push(() => store.close());
    const log = await TransparencyLog.open(store, dir.dataDir, { origin: ORIGIN, soleWriter: true });
    await appendEvents(store, 10);
    await log.close();
    return { dataDir: dir.dataDir, store };
  }

  const start = (store: EventStore, dataDir: string): Promise<TransparencyLog> =>
    TransparencyLog.open(store, dataDir, { origin: ORIGIN, soleWriter: true }).then((log) => {
      cleanups.push(() => log.close());
      return log;
    });

  it('admitted, its events are taken at the next start as the registry\'s own: checked, hashed into the tree and signed', async () => {
    const { dataDir, store } = await stoppedRegistry();
    await admitBulkWriter(store, dataDir);
    await appendEvents(store, 5, 10);

    const log = await start(store, dataDir);

    expect(log.status()).toMatchObject({ status: 'verified', treeSize: 15, checkpointSize: 15 });
  });

  it('without it, the same events are refused at the next start as appended outside the registry', async () => {
    const { dataDir, store } = await stoppedRegistry();
    await appendEvents(store, 5, 10);

    await expect(start(store, dataDir)).rejects.toThrow(/appended outside the registry/);
  });

  it('refuses to admit itself over events already appended outside since the clean stop, and lifts nothing', async () => {
    const { dataDir, store } = await stoppedRegistry();
    await appendEvents(store, 1, 10);

    await expect(admitBulkWriter(store, dataDir)).rejects.toThrow(TamperedLogError);
    await expect(start(store, dataDir)).rejects.toThrow(/appended outside the registry/);
  });
});
