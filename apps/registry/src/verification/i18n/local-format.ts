import { ISO_3166_ALPHA_2, type CalendarDate } from '@registry/domain';
import type { Language } from './translator';

/** Thai readers expect the Buddhist era; the ISO date stays alongside so nobody has to convert. */
const DATE_LOCALES: Record<Language, string> = {
  en: 'en-GB',
  th: 'th-TH-u-ca-buddhist',
  vi: 'vi-VN',
  id: 'id-ID',
  ms: 'ms-MY',
};

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
const countryNames = new Map<Language, Intl.DisplayNames>();

/** "29 November 2026", "29 พฤศจิกายน 2569": the reader's way of writing a calendar date. */
export function localDate(language: Language, date: CalendarDate): string {
  let format = dateFormats.get(language);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

const instantFormats = new Map<Language, Intl.DateTimeFormat>();

/** "29 November 2026, 14:05 UTC": an instant of the log's clock, in UTC as the log keeps it. */
export function localInstant(language: Language, instant: string): string {
  let format = instantFormats.get(language);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(DATE_LOCALES[language], { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' });
    instantFormats.set(language, format);
  }
  return `${format.format(new Date(instant))} UTC`;
}

/** The local date, with the ISO date beside it when the two do not already share the year. */
export function localDateWithIso(language: Language, date: CalendarDate): string {
  return `${localDate(language, date)} (${date})`;
}

/** The country's name in the reader's language ("Malaysia", "มาเลเซีย"); the code when Intl has no name. */
export function countryName(language: Language, code: string): string {
  let names = countryNames.get(language);
  if (names === undefined) {
    names = new Intl.DisplayNames([DATE_LOCALES[language].slice(0, 2)], { type: 'region', fallback: 'code' });
    countryNames.set(language, names);
  }
  return names.of(code) ?? code;
}

/** Every ISO 3166-1 country, sorted by its name in the reader's language, for the country select. */
export function countriesByName(language: Language): { code: string; name: string }[] {
  const collator = new Intl.Collator(language);
  return ISO_3166_ALPHA_2.map((code) => ({ code, name: countryName(language, code) })).sort((a, b) => collator.compare(a.name, b.name));
}
