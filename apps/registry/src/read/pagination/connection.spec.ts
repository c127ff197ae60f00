import { ApplicationError } from '../../errors';
import { encodeCursor, isCountKey, keysetPage, pageRequest, type KeysetRead, type Page } from './connection';

type Row = { id: string; n: number };

const ROWS: Row[] = Array.from({ length: 40 }, (_, n) => ({ id: `row-${String(n).padStart(2, '0')}`, n }));

/** A sorted source like a read model's keyset query, counting the rows it hands out. */
function source(rows: Row[]): { read: KeysetRead<Row>; handedOut: () => number } {
  let handedOut = 0;
  return {
    read: (afterKey, limit) => {
      const page = rows.filter((row) => afterKey === null || row.id > afterKey).slice(0, limit);
      handedOut += page.length;
      return page;
    },
    handedOut: () => handedOut,
  };
}

function walk(rows: Row[], size: number, keep: (row: Row) => boolean): { ids: string[]; pages: number } {
  const { read } = source(rows);
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const page: Page<Row> = keysetPage('rows', pageRequest('rows', size, after), read, (row) => row.id, (row) => (keep(row) ? row : null), () => 0);
    ids.push(...page.nodes.map((row) => row.id));
    if (!page.pageInfo.hasNextPage) return { ids, pages };
    after = page.pageInfo.endCursor;
  }
}

function refusal(run: () => unknown): unknown {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return error instanceof ApplicationError ? [error.code, (error.details.fields as { path: string }[]).map((field) => field.path)] : error;
  }
}

describe('keyset pages', () => {
  it('given a source, when walked page by page, then every item comes once, in order, and a page reads one row past itself at most', () => {
    const { read, handedOut } = source(ROWS);
    const first = keysetPage('rows', pageRequest('rows', 5, null), read, (row) => row.id, (row) => row, () => ROWS.length);

    expect(first.nodes.map((row) => row.n)).toEqual([0, 1, 2, 3, 4]);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('rows', 'row-04') });
    expect(handedOut()).toBe(6);
    expect(walk(ROWS, 7, () => true)).toEqual({ ids: ROWS.map((row) => row.id), pages: 6 });
  });

  it('given a filter the source cannot answer, when walked, then the source is read on until each page is full, and nothing is lost', () => {
    const rare = (row: Row) => row.n % 9 === 0;

    expect(walk(ROWS, 2, rare)).toEqual({ ids: ['row-00', 'row-09', 'row-18', 'row-27', 'row-36'], pages: 3 });
    expect(walk(ROWS, 3, () => false)).toEqual({ ids: [], pages: 1 });
  });

  it('given an item added before and one after the cursor between two pages, then the walk meets the later one only', () => {
    const rows = [...ROWS];
    const { read } = source(rows);
    const request = (after: string | null) => pageRequest('rows', 25, after);
    const page1 = keysetPage('rows', request(null), read, (row) => row.id, (row) => row, () => rows.length);
    rows.push({ id: 'row-05a', n: -1 }, { id: 'row-99', n: 99 });
    rows.sort((a, b) => (a.id < b.id ? -1 : 1));
    const page2 = keysetPage('rows', request(page1.pageInfo.endCursor), read, (row) => row.id, (row) => row, () => rows.length);

    expect([...page1.nodes, ...page2.nodes].map((row) => row.id)).toEqual([...ROWS.map((row) => row.id), 'row-99']);
    expect(page2.totalCount).toBe(42);
  });

  it('refuses a cursor of another list, a tampered or non-canonical one, and a page size outside 0-1000, naming the argument', () => {
    const cursor = encodeCursor('rows', 'row-03');

    expect(pageRequest('rows', null, cursor)).toEqual({ size: 100, afterKey: 'row-03' });
    expect(refusal(() => pageRequest('other', 1, cursor))).toEqual(['BAD_USER_INPUT', ['after']]);
    expect(refusal(() => pageRequest('rows', 1, `${cursor}==`))).toEqual(['BAD_USER_INPUT', ['after']]);
    expect(refusal(() => pageRequest('rows', 1, '¡not base64!'))).toEqual(['BAD_USER_INPUT', ['after']]);
    expect(refusal(() => pageRequest('rows', 1, encodeCursor('rows', 'x'), isCountKey))).toEqual(['BAD_USER_INPUT', ['after']]);
    expect(refusal(() => pageRequest('rows', 1, 'a'.repeat(601)))).toEqual(['BAD_USER_INPUT', ['after']]);
    expect(refusal(() => pageRequest('rows', 1_001, null))).toEqual(['BAD_USER_INPUT', ['first']]);
    expect(refusal(() => pageRequest('rows', -1, null))).toEqual(['BAD_USER_INPUT', ['first']]);
    expect([isCountKey('0'), isCountKey('12'), isCountKey('012'), isCountKey('-1'), isCountKey('1e3'), isCountKey('99999999999999999')]).toEqual([true, true, false, false, false, false]);
  });
});
