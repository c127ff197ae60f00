import { isCalendarDate, isCountryCode, normalizeCountry, type CalendarDate } from '@registry/domain';
import { knownAtArgument } from '../read/record-time/known-at.argument';
import { isIdentifier } from '../write/mutation/input-rules';
import type { CheckFormErrors, CheckFormValues } from './pages/check-form.page';
import type { PageContext } from './page-context';

/** `knownAt` as the API takes it (an instant with a zone, ISO 8601 UTC once checked); null for what is known now. */
export type VerifyParams = { number: string; country: string; asOf: CalendarDate | null; knownAt: string | null };

/** A query-string value as text; repeated or structured values (`?country=MY&country=TH`) count as none. */
export function single(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Checks what a person typed, and says what to fix in their language. */
export function checkParams(context: PageContext, values: CheckFormValues): { params: VerifyParams } | { errors: CheckFormErrors } {
  const { t } = context;
  const errors: CheckFormErrors = {};
  if (!isIdentifier(values.number)) errors.number = t('check.errors.number');
  if (!isCountryCode(values.country)) errors.country = t('check.errors.country');
  if (values.asOf !== '' && !isCalendarDate(values.asOf)) errors.asOf = t('check.errors.date');
  const knownAt = instantOrNull(values.knownAt, context.now);
  if (knownAt === undefined) errors.knownAt = t('check.errors.knownAt');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    params: { number: values.number, country: normalizeCountry(values.country), asOf: values.asOf === '' ? null : values.asOf, knownAt: knownAt ?? null },
  };
}

/** The API's own check of knownAt (an instant with a zone, not to come); undefined when it fails. */
function instantOrNull(value: string, now: Date): string | null | undefined {
  if (value === '') return null;
  try {
    return knownAtArgument(value, now);
  } catch {
    return undefined;
  }
}

export function formValues(number: unknown, query: Record<string, unknown>): CheckFormValues {
  return { number: single(number), country: single(query.country), asOf: single(query.asOf), knownAt: single(query.knownAt) };
}
