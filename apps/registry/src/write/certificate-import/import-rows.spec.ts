import { planImport, readCsv, readJsonLines, rowCommandId } from './import-rows';

const HEADER = 'number,event,date,schemeCode,holderName,validUntil,reason';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');
const plan = (...lines: string[]) => planImport(readCsv(csv(...lines)), 'th-ftpi');

describe('reading an import file', () => {
  it('turns each row of a certificate’s history into its command, with a command id derived from the row', () => {
    const { certificates, problems } = plan(
      'TH-1,ISSUED,2024-03-01,APO-PS 101:2023,"Jaidee, Somchai",2027-02-28,',
      'TH-1,SUSPENDED,2025-01-10,,,,complaint',
      'TH-1,REINSTATED,2025-02-10,,,,dismissed',
      'TH-1,RENEWED,2027-02-01,,,2030-02-28,',
      'TH-1,WITHDRAWN,2028-01-01,,,,breach',
    );
    expect(problems).toEqual([]);
    expect(certificates[0].map((row) => [row.line, row.command])).toEqual([
      [2, 'IssueCertificate'],
      [3, 'SuspendCertificate'],
      [4, 'ReinstateCertificate'],
      [5, 'RenewCertificate'],
      [6, 'WithdrawCertificate'],
    ]);
    expect(certificates[0][0].input).toEqual({
      number: 'TH-1',
      cbId: 'th-ftpi',
      schemeCode: 'APO-PS 101:2023',
      holderName: 'Jaidee, Somchai',
      issuedOn: '2024-03-01',
      validUntil: '2027-02-28',
      commandId: rowCommandId('th-ftpi', { number: 'TH-1', event: 'ISSUED', date: '2024-03-01' }),
    });
  });

  it('gives the same row the same command id in every run, and another CB or row another one', () => {
    const row = { number: 'TH-1', event: 'ISSUED', date: '2024-03-01' };
    expect(rowCommandId('th-ftpi', row)).toBe(rowCommandId('th-ftpi', { ...row }));
    expect(rowCommandId('th-ftpi', row)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rowCommandId('my-mpc', row)).not.toBe(rowCommandId('th-ftpi', row));
    expect(rowCommandId('th-ftpi', { ...row, date: '2024-03-02' })).not.toBe(rowCommandId('th-ftpi', row));
  });

  it('lists every bad row with its line, column and reason, with the API’s own input rules', () => {
    const { problems, certificates } = plan(
      'TH-1,ISSUED,2024-02-30,APO-PS 101:2023,Somchai,2027-02-28,',
      'TH-2,ISSUED,2024-03-01,APO-PS 101:2023,"Som\u0007chai",2027-02-28,',
      'TH-3,LOST,2024-03-01,,,,',
      'bad number!,ISSUED,2024-03-01,APO-PS 101:2023,Somchai,2027-02-28,',
      'TH-4,SUSPENDED,2024-03-01,,,,complaint',
      'TH-5,ISSUED,2024-03-01,APO-PS 101:2023,Somchai,2027-02-28,not for an issue',
      'TH-6,ISSUED,2024-03-01,APO-PS 101:2023,Somchai,2024-03-01,',
      'TH-7,ISSUED,2024-03-01,APO-PS 101:2023,Somchai,2027-02-28,',
    );
    expect(problems.map(({ line, column }) => [line, column])).toEqual([
      [2, 'date'],
      [3, 'holderName'],
      [4, 'event'],
      [5, 'number'],
      [6, 'event'],
      [7, 'reason'],
      [8, 'validUntil'],
    ]);
    expect(problems.every((problem) => problem.reason.length > 0)).toBe(true);
    expect(certificates.map((rows) => rows[0].number)).toEqual(['TH-7']);
  });

  it('checks each certificate’s history: one issue first, dates in order, no repeated row, nothing after a refused row', () => {
    const { problems, certificates } = plan(
      'TH-1,ISSUED,2024-03-01,APO-PS 101:2023,Somchai,2027-02-28,',
      'TH-1,ISSUED,2024-04-01,APO-PS 101:2023,Somchai,2027-02-28,',
      'TH-2,ISSUED,2024-03-01,APO-PS 101:2023,Somchai,2027-02-28,',
      'TH-2,SUSPENDED,2024-02-01,,,,too early',
      'TH-3,ISSUED,2024-03-01,APO-PS 101:2023,Somchai,2027-02-28,',
      'TH-3,SUSPENDED,2024-05-01,,,,complaint',
      'TH-3,SUSPENDED,2024-05-01,,,,complaint',
      'TH-4,ISSUED,2024-02-31,APO-PS 101:2023,Somchai,2027-02-28,',
      'TH-4,SUSPENDED,2024-05-01,,,,complaint',
      'TH-4,REINSTATED,2024-06-01,,,,dismissed',
    );
    expect(problems.map(({ line, column, reason }) => [line, column, reason])).toEqual([
      [3, 'event', 'certificate TH-1 is already issued on line 2'],
      [5, 'date', 'is before 2024-03-01, the date of the row before it for TH-2'],
      [8, 'event', 'repeats line 7'],
      [9, 'date', expect.any(String)],
      [10, 'number', 'follows line 9 of the same certificate, which is refused'],
      [11, 'number', 'follows line 9 of the same certificate, which is refused'],
    ]);
    expect(certificates.map((rows) => rows.map((row) => row.line))).toEqual([[2], [4], [6, 7]]);
  });

  it('refuses a file whose header is not the documented one, and rows with a wrong number of cells', () => {
    expect(planImport(readCsv('number,event\nTH-1,ISSUED'), 'th-ftpi').problems).toEqual([
      { line: 1, column: '', reason: expect.stringContaining('missing date, schemeCode, holderName, validUntil, reason') },
    ]);
    expect(plan('TH-1,ISSUED,2024-03-01').problems).toEqual([{ line: 2, column: '', reason: 'has 3 cells, the header 7' }]);
  });

  it('reads JSON Lines with the same fields', () => {
    const text = [
      JSON.stringify({ number: 'TH-1', event: 'ISSUED', date: '2024-03-01', schemeCode: 'APO-PS 101:2023', holderName: 'Somchai', validUntil: '2027-02-28' }),
      '',
      JSON.stringify({ number: 'TH-1', event: 'SUSPENDED', date: '2024-05-01', reason: 'complaint' }),
      '[1]',
      JSON.stringify({ number: 'TH-2', event: 'ISSUED', extra: 1 }),
    ].join('\n');
    const { certificates, problems } = planImport(readJsonLines(text), 'th-ftpi');
    expect(certificates[0].map((row) => row.line)).toEqual([1, 3]);
    expect(problems).toEqual([
      { line: 4, column: '', reason: 'not a JSON object' },
      { line: 5, column: 'extra', reason: 'unknown field' },
    ]);
  });
});
