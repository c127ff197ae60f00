import { csvLine, neutralised } from './bulk-csv';
import { MAX_BULK_ROWS, readBulkRows } from './bulk-rows';

describe('reading a bulk check', () => {
  it('skips a header line and blank lines, and numbers lines as the file does', () => {
    expect(readBulkRows('number,country,asOf\n\nTH-PS-2024-0001, my ,2025-01-01\nSG-1,SG\n')).toEqual({
      rows: [
        { line: 2, kind: 'check', number: 'TH-PS-2024-0001', country: 'MY', asOf: '2025-01-01' },
        { line: 3, kind: 'check', number: 'SG-1', country: 'SG', asOf: null },
      ],
    });
  });

  it('keeps a bad line as not checked, saying what is wrong with it', () => {
    const input = readBulkRows('=1+1,MY\nA-1,XX\nA-1,MY,2024-02-30\nA-1');
    expect('rows' in input && input.rows.map((row) => (row.kind === 'invalid' ? row.problem : row.kind))).toEqual(['number', 'country', 'date', 'columns']);
  });

  it(`accepts ${MAX_BULK_ROWS} lines and refuses one more`, () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `N-${i},MY`).join('\n');
    expect('rows' in readBulkRows(lines(MAX_BULK_ROWS))).toBe(true);
    expect(readBulkRows(lines(MAX_BULK_ROWS + 1))).toEqual({ refused: 'tooMany', count: MAX_BULK_ROWS + 1 });
  });

  it('refuses an empty upload', () => {
    expect(readBulkRows(' \n\n')).toEqual({ refused: 'empty' });
  });
});

describe('the CSV answer', () => {
  it.each(['=SUM(A1)', '+1', '-1', '@x'])('neutralises %j so that no spreadsheet runs it', (cell) => {
    expect(neutralised(cell)).toBe(`'${cell}`);
  });

  it.each([
    ['\tx', "' x"],
    ['\rx', "' x"],
    ['\n\t=SUM(A1)', "'  =SUM(A1)"],
    ['A-1\n=cmd', 'A-1 =cmd'],
  ])('turns control characters in %j into spaces, and neutralises what they hid', (cell, expected) => {
    expect(neutralised(cell)).toBe(expected);
  });

  it('leaves other cells as they are, and quotes what CSV needs quoted', () => {
    expect(csvLine(['TH-PS-2024-0001', 'a,b', null, 3])).toBe('TH-PS-2024-0001,"a,b",,3\n');
  });
});
