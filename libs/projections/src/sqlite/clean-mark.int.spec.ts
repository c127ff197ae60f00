import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { openSqliteEventStore } from '@registry/event-store';
import { makeTempDataDir } from '@registry/event-store/sqlite/testing/temp-data-dir';
import { startReadSide } from '../read-side';
import { appendRegistryEvents } from '../testing/registry-events';
import { sampleRegistry } from '../testing/sample-registry';
import { consumeCleanMark, markClosedCleanly } from './read-model-faults';
import { readModelsPath } from './read-model-file';

const MARK = '.closed-cleanly';

describe("the read-model file's clean-stop mark (quick_check skipped only for a file as a clean stop left it)", () => {
  const dir = makeTempDataDir('clean-mark');
  afterAll(() => dir.remove());

  it('is written when the read side closes, and consumed when it starts again', async () => {
    const store = await openSqliteEventStore({ dataDir: dir.dataDir });
    try {
      await appendRegistryEvents(store, sampleRegistry());
      await (await startReadSide(store, dir.dataDir)).close();
      const file = readModelsPath(dir.dataDir);
      expect(existsSync(`${file}${MARK}`)).toBe(true);

      const again = await startReadSide(store, dir.dataDir);
      // While it runs a crash may leave the file half written: no mark, so the next start checks it.
      expect(existsSync(`${file}${MARK}`)).toBe(false);
      await again.close();
      expect(existsSync(`${file}${MARK}`)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('holds only for the very file left: written to since, a WAL beside it, or the mark used once, and the check runs', () => {
    const file = `${dir.dataDir}/some.sqlite`;
    writeFileSync(file, 'pages');
    markClosedCleanly(file);
    expect(consumeCleanMark(file)).toBe(true);
    expect(consumeCleanMark(file)).toBe(false);

    markClosedCleanly(file);
    appendFileSync(file, 'more');
    expect(consumeCleanMark(file)).toBe(false);

    markClosedCleanly(file);
    writeFileSync(`${file}-wal`, 'frames');
    expect(consumeCleanMark(file)).toBe(false);
  });
});
