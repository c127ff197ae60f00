import { openSqliteEventStore, type AllSubscription, type EventStore, type RecordedEvent, type SubscribeToAllOptions } from '@registry/event-store';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import { wrapStore } from '@registry/event-store/testing/wrapped-store';
import { ProjectionsFailedError } from './errors';
import { startReadSide, type ReadSide } from './read-side';
import { appendRegistryEvents } from './testing/registry-events';
import { build, PS } from './testing/sample-registry';

/** The real store, whose first subscription breaks after delivering `breakAfter` events, as a dropped
 * connection to EventStoreDB would. */
function breakingFirstSubscription(store: EventStore, breakAfter: number): { store: EventStore; subscriptions: () => number } {
  let subscriptions = 0;
  const subscribeToAll = (options?: SubscribeToAllOptions): AllSubscription => {
    subscriptions += 1;
    const real = store.subscribeToAll(options);
    if (subscriptions > 1) return real;
    let delivered = 0;
    return {
      close: () => real.close(),
      async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
        for await (const event of real) {
          if (delivered === breakAfter) throw new Error('connection reset');
          delivered += 1;
          yield event;
        }
      },
    };
  };
  return {
    subscriptions: () => subscriptions,
    store: wrapStore(store, { subscribeToAll }),
  };
}

describe('the projection runner following the log live', () => {
  let dir: ReturnType<typeof makeTempDataDir>;
  let store: EventStore;
  let readSide: ReadSide | undefined;

  beforeEach(async () => {
    dir = makeTempDataDir('runner');
    store = await openSqliteEventStore({ dataDir: dir.dataDir });
  });

  afterEach(async () => {
    await readSide?.close();
    readSide = undefined;
    await store.close();
    dir.remove();
  });

  it('subscribes again from its checkpoint when the subscription breaks, missing nothing', async () => {
    const flaky = breakingFirstSubscription(store, 2);
    readSide = await startReadSide(flaky.store, dir.dataDir);

    const written = await appendRegistryEvents(store, [build.scheme('S-1'), build.scheme('S-2'), build.scheme('S-3'), build.scheme('S-4')]);
    await readSide.runner.waitFor(written[written.length - 1].position, 3_000);

    expect(readSide.readModels.schemes().map((scheme) => scheme.code)).toEqual(['S-1', 'S-2', 'S-3', 'S-4']);
    expect(flaky.subscriptions()).toBe(2);
    expect(readSide.runner.status().state).toBe('live');
  });

  it('stops on an event it cannot fold, keeps what it had, and refuses to wait from then on', async () => {
    readSide = await startReadSide(store, dir.dataDir);
    const [scheme] = await appendRegistryEvents(store, [build.scheme(PS)]);
    await readSide.runner.waitFor(scheme.position);

    const unreadable = await store.append('scheme-FUTURE', [{ id: '00000000-0000-4000-8000-00000000000f', type: 'SchemeRegistered', data: {}, metadata: { schemaVersion: 99 } }], {
      expectedRevision: 'no_stream',
    });
    const waiting = readSide.runner.waitFor(unreadable.position, 3_000);

    await expect(waiting).rejects.toBeInstanceOf(ProjectionsFailedError);
    expect(readSide.runner.status()).toMatchObject({ state: 'failed', appliedPosition: scheme.position, failure: expect.stringMatching(/schema version 99/) });
    expect(readSide.readModels.scheme(PS)?.code).toBe(PS);
    await expect(readSide.runner.waitFor(scheme.position)).rejects.toBeInstanceOf(ProjectionsFailedError);
  });
});
