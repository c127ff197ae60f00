import { describeEventStoreContract } from '../testing/event-store.contract';
import { openSqliteEventStore } from './sqlite-event-store';
import { makeTempDataDir } from './testing/temp-data-dir';

describeEventStoreContract('embedded SQLite', () => {
  const dir = makeTempDataDir('contract');
  return {
    open: () => openSqliteEventStore({ dataDir: dir.dataDir }),
    reopen: async (store) => {
      await store.close();
      return openSqliteEventStore({ dataDir: dir.dataDir });
    },
    teardown: async () => dir.remove(),
  };
});
