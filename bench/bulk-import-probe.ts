// Temporary driver (not committed): row at a given size.
import { bulkImportRow } from './rows/bulk-import';
void bulkImportRow(Number(process.argv[2] ?? 10000), { number: 16, what: 'x', target: 'y' }, (l) => console.log(l)).then((row) => console.log(JSON.stringify(row, null, 1)));
