import { existsSync } from 'node:fs';
import { schemeStream } from '@registry/domain';
import { openSqliteEventStore, type EventStore, type ReadAllOptions, type RecordedEvent } from '@registry/event-store';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import { wrapStore } from '@registry/event-store/testing/wrapped-store';
import { LogWentBackwardsError, ReadModelsRebuildingError } from './errors';
import { ProjectionRunner } from './projection-runner';
import { Projector } from './projector';
import { startReadSide, type ReadSide } from './read-side';
import { REGISTRY_PROJECTIONS } from './registry/registry-projections';
import { openReadModelFile, readModelsPath } from './sqlite/read-model-file';
import { scrambleHeader, scramblePages } from './testing/damage-file';
import { appendRegistryEvents } from './testing/registry-events';
import { build, PS, sampleRegistry } from './testing/sample-registry';

jest.setTimeout(30_000);

/** The real store, with every readAll held until `release` (a rebuild that takes its time). */
function heldReads(store: EventStore): { store: EventStore; release(): void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held = wrapStore(store, {
    readAll: async (options?: ReadAllOptions): Promise<RecordedEvent[]> => {
      if (options?.direction !== 'backwards') await gate;
      return store.readAll(options);
    },
  });
  return { store: held, release };
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the read side when its file or its disk fails', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function openStore(): Promise<{ store: EventStore; dataDir: string }> {
    const dir = makeTempDataDir('read-side-faults');
    cleanups.push(() => dir.remove());
    const store = await openSqliteEventStore({ dataDir: dir.dataDir });
    cleanups.push(() => store.close());
    return { store, dataDir: dir.dataDir };
  }

  async function open(store: EventStore, dataDir: string, options = {}): Promise<ReadSide> {
    const readSide = await startReadSide(store, dataDir, options);
    cleanups.push(() => readSide.close());
    return readSide;
  }

  /** A registry's worth of certificates, and read models built and closed over them. */
  async function builtReadModels(): Promise<{ store: EventStore; dataDir: string; last: bigint }> {
    const { store, dataDir } = await openStore();
    await appendRegistryEvents(store, sampleRegistry());
    const many = await appendRegistryEvents(store, Array.from({ length: 300 }, (_, i) => build.issued(`TH-PS-9${String(i).padStart(3, '0')}`, 'th-ftpi', PS)));
    await (await startReadSide(store, dataDir)).close();
    return { store, dataDir, last: many[many.length - 1].position };
  }

  it.each([
    ['bytes scrambled in the middle', (file: string) => scramblePages(file, 3)],
    ['a scrambled header', (file: string) => scrambleHeader(file)],
  ])('moves a file with %s aside at start, answers REBUILDING with progress meanwhile, then serves the log again', async (_damage, damage) => {
    const { store, dataDir, last } = await builtReadModels();
    damage(readModelsPath(dataDir));
    const held = heldReads(store);

    const readSide = await open(held.store, dataDir);

    expect(readSide.status()).toMatchObject({ state: 'rebuilding', repairs: [{ kind: 'corruption' }] });
    expect(() => readSide.readModels.certificate('TH-PS-9001')).toThrow(ReadModelsRebuildingError);
    expect(existsSync(`${readModelsPath(dataDir)}.corrupt`)).toBe(true);
    held.release();
    await until(() => readSide.status().state === 'live', 'the rebuild');
    expect(readSide.status().appliedPosition).toBe(last);
    expect(readSide.readModels.certificate('TH-PS-9299')?.holderName).toBe('Holder of TH-PS-9299');
  });

  it('rebuilds when a query meets a damaged page at run time, instead of answering from it', async () => {
    const { store, dataDir, last } = await builtReadModels();
    const readSide = await open(store, dataDir);
    scramblePages(readModelsPath(dataDir), 3);

    let refused: unknown;
    try {
      readSide.readModels.certificate('TH-PS-9150');
    } catch (error) {
      refused = error;
    }

    expect(refused).toBeInstanceOf(ReadModelsRebuildingError);
    await until(() => readSide.status().state === 'live', 'the rebuild');
    expect(readSide.status()).toMatchObject({ appliedPosition: last, repairs: [{ kind: 'corruption', reason: expect.stringMatching(/malformed|corrupt/i) }] });
    expect(readSide.readModels.certificate('TH-PS-9150')?.holderName).toBe('Holder of TH-PS-9150');
  });

  it('waits out a full disk: refuses to follow while writes fail, then resumes by itself when space returns', async () => {
    const { store, dataDir } = await openStore();
    const db = openReadModelFile(readModelsPath(dataDir), 'live');
    cleanups.push(() => void db.close());
    const runner = new ProjectionRunner(store, new Projector(db, REGISTRY_PROJECTIONS), { retryFirstMs: 20, retryLastMs: 100 });
    cleanups.push(() => runner.stop());
    await runner.start();
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);

    const written = await appendRegistryEvents(store, [
      ...sampleRegistry(),
      ...Array.from({ length: 200 }, (_, i) => build.issued(`TH-PS-8${String(i).padStart(3, '0')}`, 'th-ftpi', PS)),
    ]);
    await until(() => runner.status().state === 'stalled', 'the stall');

    expect(runner.canFollow()).toBe(false);
    expect(runner.status().problem).toMatch(/full/i);
    db.pragma('max_page_count = 1073741823');
    await runner.waitFor(written[written.length - 1].position, 10_000);
    expect(runner.status()).toMatchObject({ state: 'live' });
    expect(runner.canFollow()).toBe(true);
  });

  it('refuses a log whose positions go backwards instead of mixing it into the read models', async () => {
    const first = await openStore();
    const second = await openStore();
    const [, , , , fifth] = await appendRegistryEvents(first.store, sampleRegistry().slice(0, 5));
    await appendRegistryEvents(second.store, [build.scheme('OTHER-1'), build.scheme('OTHER-2')]);
    // The log under the runner is replaced while it runs (an EventStoreDB that lost its data on the same address).
    let current = first.store;
    const switching: EventStore = {
      append: (...args) => current.append(...args),
      appendToStreams: (...args) => current.appendToStreams(...args),
      readStream: (...args) => current.readStream(...args),
      readStreams: (...args) => current.readStreams(...args),
      readAll: (options) => current.readAll(options),
      subscribeToAll: (options) => current.subscribeToAll({ ...options, fromPosition: current === first.store ? options?.fromPosition : 'start' }),
      health: () => current.health(),
      close: () => Promise.resolve(),
    };
    const db = openReadModelFile(readModelsPath(first.dataDir), 'live');
    cleanups.push(() => void db.close());
    const runner = new ProjectionRunner(switching, new Projector(db, REGISTRY_PROJECTIONS), { retryFirstMs: 10 });
    cleanups.push(() => runner.stop());
    await runner.start();
    expect(runner.appliedPosition()).toBe(fifth.position);

    current = second.store;
    await first.store.close();
    await until(() => runner.status().state === 'failed', 'the refusal');

    expect(runner.status().failure).toMatch(/went backwards/);
    expect(runner.appliedPosition()).toBe(fifth.position);
    await expect(runner.waitFor(fifth.position + 1n, 10)).rejects.toThrow(/went backwards/);
    expect(new LogWentBackwardsError(5n, 1n).message).toMatch(/delivered position 1 after .* 5/);
    const schemes = db.prepare('SELECT id FROM doc_schemes').pluck().all();
    expect(schemes).not.toContain(schemeStream('OTHER-1'));
  });
});
