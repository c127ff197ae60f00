import type { CalendarDate } from '@registry/domain';
import { countryName, localDate, localDateWithIso } from './i18n/local-format';
import type { PageContext } from './page-context';

/** A date as the reader writes it; for Thai (Buddhist era) with the ISO date beside it. */
export function readableDate(context: PageContext, date: CalendarDate): string {
  return context.language === 'th' ? localDateWithIso(context.language, date) : localDate(context.language, date);
}

export function readableCountry(context: PageContext, code: string): string {
  return countryName(context.language, code);
}
