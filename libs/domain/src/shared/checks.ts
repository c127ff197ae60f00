import { isCalendarDate, type CalendarDate } from './calendar-date';
import { isCountryCode, normalizeCountry } from './countries';
import { RuleViolation } from './rule-violation';

/** Input checks every decider repeats. The DTO layer checks shapes first; these keep the domain honest
 * when it is called from anywhere else (scripts, demo loaders, tests). */

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new RuleViolation('FIELD_REQUIRED', `${field} is required`, field);
  }
  return value;
}

export function requireDate(value: unknown, field: string): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new RuleViolation('INVALID_DATE', `${field} must be a real calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

export function requireCountry(value: unknown, field: string): string {
  if (!isCountryCode(value)) {
    throw new RuleViolation('INVALID_COUNTRY', `${field} must be an ISO 3166-1 alpha-2 code, got ${JSON.stringify(value)}`, field);
  }
  return normalizeCountry(value);
}

/** Lifecycle events of one aggregate are dated in order, so its timeline never has to be re-sorted and
 * no later record silently rewrites what an earlier answer relied on. */
export function requireNotBackdated(date: CalendarDate, lastEffectiveOn: CalendarDate, field: string): void {
  if (date < lastEffectiveOn) {
    throw new RuleViolation(
      'EFFECTIVE_DATE_BEFORE_LAST_CHANGE',
      `${field} ${date} is before the last recorded change on ${lastEffectiveOn}`,
      field,
    );
  }
}

export function requireEndAfterStart(start: CalendarDate, end: CalendarDate, field: string): void {
  if (end <= start) {
    throw new RuleViolation('VALID_UNTIL_NOT_AFTER_START', `${field} ${end} must be after ${start}`, field);
  }
}

/** The end of a suspension, as the event records it: absent when open-ended, else a date after its start. */
export function suspendedUntil(from: CalendarDate, until: CalendarDate | null | undefined): { until?: CalendarDate } {
  if (until == null) return {};
  const end = requireDate(until, 'until');
  requireEndAfterStart(from, end, 'until');
  return { until: end };
}

/** A non-empty list of distinct scheme codes. */
export function requireSchemeList(schemes: unknown, field: string): string[] {
  if (!Array.isArray(schemes) || schemes.length === 0) {
    throw new RuleViolation('SCOPE_EMPTY', `${field} must name at least one scheme`, field);
  }
  const codes = schemes.map((code, index) => requireText(code, `${field}.${index}`));
  const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
  if (duplicate !== undefined) {
    throw new RuleViolation('DUPLICATE_SCHEME', `${field} names scheme ${duplicate} twice`, field);
  }
  return codes;
}

/** A non-empty list of distinct scheme codes, all registered. */
export function requireRegisteredSchemes(
  schemes: unknown,
  registeredSchemes: readonly string[],
  field: string,
): string[] {
  const codes = requireSchemeList(schemes, field);
  const unknown = codes.filter((code) => !registeredSchemes.includes(code));
  if (unknown.length > 0) {
    throw new RuleViolation('SCHEME_NOT_REGISTERED', `${field}: scheme(s) not registered: ${unknown.join(', ')}`, field);
  }
  return codes;
}
