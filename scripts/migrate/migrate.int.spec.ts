import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore, type EventData, type EventStore, type RecordedEvent } from '@registry/event-store';
import { createEventStoreDbEventStore } from '@registry/event-store/eventstoredb';
import { startTestServer, type TestServer } from '../../eventstore/test-server';
import { copyLog, TargetMismatchError } from './copy-log';
import { leafOf, rootOf } from '@registry/tlog';
import { digestLog } from './log-digest';

describe('migrating the log between the embedded store and EventStoreDB', () => {
  let server: TestServer;
  const dirs: string[] = [];
  const stores: EventStore[] = [];

  const embedded = async (): Promise<EventStore> => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-'));
    dirs.push(dir);
    const store = await openSqliteEventStore({ dataDir: dir });
    stores.push(store);
    return store;
  };
  const eventStoreDb = async (): Promise<EventStore> => {
    // A server per test: each target starts empty, as a fresh cluster would.
    server = await startTestServer();
    const store = createEventStoreDbEventStore(server.connectionString);
    stores.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await server?.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips embedded -> EventStoreDB -> embedded into an identical log', async () => {
    const original = await embedded();
    await writeRegistryLikeLog(original);
    const viaEsdb = await eventStoreDb();
    const back = await embedded();

    const there = await copyLog(original, viaEsdb, { pageSize: 50 });
    const home = await copyLog(viaEsdb, back, { pageSize: 50 });

    const logs = await Promise.all([original, viaEsdb, back].map((store) => store.readAll()));
    expect(there.copied).toBe(logs[0].length);
    expect(home.copied).toBe(logs[0].length);
    expect(logs[1].map(portable)).toEqual(logs[0].map(portable));
    expect(logs[2].map(portable)).toEqual(logs[0].map(portable));
    const digests = await Promise.all([original, viaEsdb, back].map((store) => digestLog(store, 64)));
    // Equal Merkle roots: the copy verifies against every checkpoint signed over the original.
    expect(new Set(digests.map((digest) => digest.root)).size).toBe(1);
    expect(digests[0].root).toBe(rootOf(logs[0].map((event) => leafOf(event).hash)).toString('base64'));
    expect(digests[0].count).toBe(logs[0].length);
  }, 30_000);

  it('resumes an interrupted copy after the last event the target holds, without duplicating', async () => {
    const source = await embedded();
    await writeRegistryLikeLog(source);
    const target = await eventStoreDb();
    const interrupt = new AbortController();

    const first = copyLog(source, target, {
      pageSize: 40,
      onProgress: ({ copied }) => {
        if (copied >= 100) interrupt.abort();
      },
      signal: interrupt.signal,
    });
    await expect(first).rejects.toMatchObject({ name: 'AbortError' });
    const partial = await digestLog(target);
    const resumed = await copyLog(source, target, { pageSize: 40 });

    const [from, to] = await Promise.all([digestLog(source), digestLog(target)]);
    expect(partial.count).toBeGreaterThanOrEqual(100);
    expect(partial.count).toBeLessThan(from.count);
    expect(resumed.resumedAfter).toBeDefined();
    expect(resumed.copied).toBe(from.count - partial.count);
    expect(to).toEqual(from);
  });

  it('does nothing more when run again on a complete copy', async () => {
    const source = await embedded();
    await writeRegistryLikeLog(source, 10);
    const target = await eventStoreDb();
    await copyLog(source, target);

    const again = await copyLog(source, target);

    expect(again.copied).toBe(0);
    expect(await digestLog(target)).toEqual(await digestLog(source));
  });

  it('refuses a target that holds another log, writing nothing', async () => {
    const source = await embedded();
    await writeRegistryLikeLog(source, 3);
    const target = await embedded();
    await target.append('unrelated-1', [{ id: randomUUID(), type: 'Other', data: {}, metadata: {} }], { expectedRevision: 'no_stream' });

    await expect(copyLog(source, target)).rejects.toBeInstanceOf(TargetMismatchError);

    expect(await target.readAll()).toHaveLength(1);
  });
});

/** Interleaved streams, multi-event appends, non-ASCII text, nested data and metadata on every event. */
async function writeRegistryLikeLog(store: EventStore, certificates = 60): Promise<void> {
  const revisions = new Map<string, bigint>();
  const append = async (stream: string, events: EventData[]): Promise<void> => {
    const last = revisions.get(stream);
    await store.append(stream, events, { expectedRevision: last === undefined ? 'no_stream' : last });
    revisions.set(stream, (last ?? -1n) + BigInt(events.length));
  };
  const event = (type: string, data: EventData['data']): EventData => ({
    id: randomUUID(),
    type,
    data,
    metadata: { actor: { keyId: 'k-1', role: 'CB', cb: 'VN-VPC' }, commandId: randomUUID(), recordedAt: '2024-03-01T10:00:00.000Z' },
  });
  for (let n = 0; n < certificates; n += 1) {
    const certificate = `certificate-PS-${String(n).padStart(4, '0')}`;
    await append(certificate, [
      event('CertificateIssued', { number: n, holder: n % 2 ? 'Nguyễn Thị Ánh' : '李小龙', scheme: 'APO-PS 101:2023', validUntil: '2027-01-01' }),
      event('CertificateScored', { scores: [1, 2.5, -3], passed: true, note: null }),
    ]);
    if (n % 3 === 0) await append('accreditation-ab-1', [event('AccreditationRenewed', { cb: 'VN-VPC', until: `2030-0${(n % 9) + 1}-01` })]);
    if (n % 5 === 0) await append(certificate, [event('CertificateSuspended', { reason: 'audit — «pending» 🎓' })]);
  }
}

function portable(event: RecordedEvent) {
  return { id: event.id, stream: event.stream, revision: event.revision, type: event.type, data: event.data, metadata: event.metadata };
}
