import { ISO_3166_ALPHA_2, isCountryCode, normalizeCountry } from './countries';

describe('ISO 3166-1 alpha-2 countries', () => {
  it('lists the 249 officially assigned codes, each once', () => {
    expect(ISO_3166_ALPHA_2).toHaveLength(249);
    expect(new Set(ISO_3166_ALPHA_2).size).toBe(249);
    expect(ISO_3166_ALPHA_2.every((code) => /^[A-Z]{2}$/.test(code))).toBe(true);
  });

  it('knows the ten countries of the 2024 heads-of-CBs workshop', () => {
    for (const code of ['BD', 'IN', 'ID', 'MY', 'MN', 'PK', 'SG', 'LK', 'TH', 'VN']) expect(isCountryCode(code)).toBe(true);
  });

  it('accepts lower case and answers upper case', () => {
    expect(isCountryCode('th')).toBe(true);
    expect(normalizeCountry(' th ')).toBe('TH');
  });

  it.each(['UK', 'XK', 'EU', 'XX', 'THA', 'T', ''])('refuses %j, which is not an assigned alpha-2 code', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });
});
