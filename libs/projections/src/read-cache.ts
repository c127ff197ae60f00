/** Entries kept per collection; a directory larger than this is simply read from SQLite more often. */
const MAX_ENTRIES = 10_000;

/**
 * Parsed documents of the small, hot collections (certification bodies, arrangements, schemes), which every
 * recognition query reads: each collection's entries are dropped as a whole as soon as a batch changes it,
 * so a cached answer is never older than the read model. Cached values are shared between queries and
 * must not be mutated; the domain's rules never mutate their inputs.
 */
export class ReadCache {
  private readonly collections = new Map<string, { generation: number; entries: Map<string, unknown> }>();

  constructor(private readonly generationOf: (collection: string) => number) {}

  get<T>(collection: string, key: string, load: () => T): T {
    const generation = this.generationOf(collection);
    let cache = this.collections.get(collection);
    if (cache === undefined || cache.generation !== generation) {
      cache = { generation, entries: new Map() };
      this.collections.set(collection, cache);
    }
    if (cache.entries.has(key)) return cache.entries.get(key) as T;
    const value = load();
    if (cache.entries.size < MAX_ENTRIES) cache.entries.set(key, value);
    return value;
  }
}
