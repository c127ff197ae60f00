import type { ImportRow } from '../../apps/registry/src/write/certificate-import/import-rows';

export const IMPORT_SCHEME = 'APO-PS 101:2023';

/**
 * A CB's import file as rows: `certificates` certificates with histories of one to three rows (issue; issue and
 * renewal; issue and withdrawal; issue, suspension and reinstatement), two rows a certificate on average.
 */
export function importRows(certificates: number, prefix = 'TH-BULK'): ImportRow[] {
  const rows: ImportRow[] = [];
  const blank = { schemeCode: '', holderName: '', validUntil: '', reason: '' };
  for (let i = 0; i < certificates; i += 1) {
    const number = `${prefix}-${String(i).padStart(7, '0')}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const at = (event: string, date: string, cells: Partial<ImportRow>): void => {
      rows.push({ line: rows.length + 2, number, event, date, ...blank, ...cells });
    };
    at('ISSUED', `2024-01-${day}`, { schemeCode: IMPORT_SCHEME, holderName: `Holder ${i}`, validUntil: '2027-12-31' });
    if (i % 4 === 0) {
      at('SUSPENDED', '2025-01-10', { reason: 'complaint under investigation' });
      at('REINSTATED', '2025-02-10', { reason: 'complaint dismissed' });
    }
    if (i % 4 === 1) at('RENEWED', '2026-06-01', { validUntil: '2029-06-01' });
    if (i % 4 === 2) at('WITHDRAWN', '2025-03-01', { reason: 'breach of the scheme rules' });
  }
  return rows;
}
