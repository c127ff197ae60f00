import type { CalendarDate } from '@registry/domain';
import { countryName, localDate, localDateWithIso, localInstant } from './i18n/local-format';
import type { PageContext } from './page-context';

/** A date as the reader writes it; for Thai (Buddhist era) with the ISO date beside it. */
export function readableDate(context: PageContext, date: CalendarDate): string {
  return context.language === 'th' ? localDateWithIso(context.language, date) : localDate(context.language, date);
}

export function readableCountry(context: PageContext, code: string): string {
  return countryName(context.language, code);
}

/** An instant of the log's clock; for Thai with the ISO instant beside it, as dates are. */
export function readableInstant(context: PageContext, instant: string): string {
  return context.language === 'th' ? `${localInstant(context.language, instant)} (${instant})` : localInstant(context.language, instant);
}
