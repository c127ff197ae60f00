import Database from 'better-sqlite3';
import { DocumentTable } from './document-table';

/** A page of a list must cost the page, not the list: the keyset reads seek in an index and stop at the limit. */
describe('DocumentTable keyset pages', () => {
  let db: Database.Database;
  let table: DocumentTable;

  beforeEach(() => {
    db = new Database(':memory:');
    table = new DocumentTable(db, 'things');
    db.transaction(() => {
      for (let n = 0; n < 50; n += 1) {
        const id = `thing-${String(n).padStart(3, '0')}`;
        table.put(id, JSON.stringify({ n }));
        table.replaceKeys(id, [['parity', n % 2 === 0 ? 'even' : 'odd']]);
      }
    })();
  });

  afterEach(() => db.close());

  it('given documents, when read page by page after each last id, then every one comes once, in id order', () => {
    const all = (read: (afterId: string | null) => { id: string }[]): string[] => {
      const ids: string[] = [];
      for (let page = read(null); page.length > 0; page = read(page[page.length - 1].id)) ids.push(...page.map((row) => row.id));
      return ids;
    };

    const everything = all((afterId) => table.listAfter(afterId, 7));
    const even = all((afterId) => table.findByKeyAfter('parity', 'even', afterId, 7));

    expect(everything).toEqual(Array.from({ length: 50 }, (_, n) => `thing-${String(n).padStart(3, '0')}`));
    expect(even).toEqual(everything.filter((_, n) => n % 2 === 0));
    expect([table.count(), table.countWithKey('parity', 'even'), table.countWithKey('parity', 'none')]).toEqual([50, 25, 0]);
  });

  it('when a page is planned, then SQLite seeks in the primary key or the key index: no scan of the table, no sort', () => {
    const plan = (sql: string, ...params: unknown[]): string =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');

    // The statements the table runs (private, read through the index signature TypeScript allows).
    const whole = plan(table['pageAll'].source, 'thing-010', 7);
    const keyed = plan(table['pageByKey'].source, 'parity', 'even', 'thing-010', 7);

    expect(whole).toMatch(/^SEARCH .* USING INDEX sqlite_autoindex_doc_things_1 \(id>\?\)$/);
    expect(keyed).toMatch(/^SEARCH k USING PRIMARY KEY \(name=\? AND value=\? AND id>\?\) \| SEARCH d USING INDEX sqlite_autoindex_doc_things_1 \(id=\?\)$/);
  });
});
