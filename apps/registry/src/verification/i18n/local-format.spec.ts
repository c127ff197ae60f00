import { countriesByName, countryName, localDate, localDateWithIso } from './local-format';

describe('dates and countries in the reader’s language', () => {
  it('writes dates the way each language does, the Buddhist era for Thai with the ISO date beside it', () => {
    expect(localDate('en', '2026-11-29')).toBe('29 November 2026');
    expect(localDateWithIso('th', '2026-11-29')).toBe('29 พฤศจิกายน 2569 (2026-11-29)');
    expect(localDate('vi', '2026-11-29')).toBe('29 tháng 11, 2026');
    expect(localDate('id', '2026-11-29')).toBe('29 November 2026');
  });

  it('does not shift a date across midnight whatever the server’s time zone', () => {
    expect(localDate('en', '2024-01-01')).toBe('1 January 2024');
  });

  it('names countries, and sorts the list by name in the reader’s language', () => {
    expect(countryName('th', 'MY')).toBe('มาเลเซีย');
    expect(countryName('vi', 'TH')).toBe('Thái Lan');
    const names = countriesByName('en').map(({ name }) => name);
    expect(names).toHaveLength(249);
    expect(names.indexOf('Malaysia')).toBeLessThan(names.indexOf('Thailand'));
  });
});
