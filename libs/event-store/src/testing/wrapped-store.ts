import type { EventStore, ReadAllOptions, RecordedEvent } from '../event-store';

/** A real store with some of its calls replaced, to observe or break them; every other call goes through. */
export function wrapStore(inner: EventStore, overrides: Partial<EventStore>): EventStore {
  return {
    append: (...args) => inner.append(...args),
    appendToStreams: (...args) => inner.appendToStreams(...args),
    readStream: (...args) => inner.readStream(...args),
    readStreams: (...args) => inner.readStreams(...args),
    readAll: (...args) => inner.readAll(...args),
    subscribeToAll: (...args) => inner.subscribeToAll(...args),
    health: () => inner.health(),
    close: () => inner.close(),
    ...overrides,
  };
}

/** The real store, counting the events its readAll returned: what a catch-up actually read. */
export function countingReads(store: EventStore): { store: EventStore; read: () => number } {
  let read = 0;
  const readAll = async (options?: ReadAllOptions): Promise<RecordedEvent[]> => {
    const events = await store.readAll(options);
    read += events.length;
    return events;
  };
  return { store: wrapStore(store, { readAll }), read: () => read };
}
