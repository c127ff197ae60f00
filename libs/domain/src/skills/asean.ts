import type { Actor } from '../shared/actor';
import { requireCountry } from '../shared/checks';
import { RuleViolation } from '../shared/rule-violation';

/** The ten ASEAN member states (ISO 3166-1 alpha-2): the AQRF and the mutual recognition of skills are theirs. */
export const ASEAN_MEMBER_STATES = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'] as const;

/** The AQRF has eight levels; the mutual recognition of skills covers the technical and vocational levels 1-4. */
export const AQRF_LEVELS = { min: 1, max: 8 } as const;

/** No national framework in the region has more than ten levels; the bound keeps a typo from becoming a level. */
export const NQF_LEVELS = { min: 1, max: 10 } as const;

export function isAseanMemberState(country: string): boolean {
  return (ASEAN_MEMBER_STATES as readonly string[]).includes(country);
}

/** An ISO code of an ASEAN member state, upper-cased. */
export function requireMemberState(value: unknown, field: string): string {
  const country = requireCountry(value, field);
  if (!isAseanMemberState(country)) {
    throw new RuleViolation('NOT_ASEAN_MEMBER_STATE', `${field} ${country} is not an ASEAN member state`, field);
  }
  return country;
}

/**
 * A skills focal point acts for its own country only; other roles permitted to send the command (checked
 * before, in permissions.ts) act for any country.
 */
export function requireOwnCountry(actor: Actor, country: string): void {
  if (actor.role === 'SKILLS_FOCAL_POINT' && actor.country !== country) {
    throw new RuleViolation('NOT_OWN_COUNTRY', `the skills focal point of ${actor.country ?? '?'} may not act for ${country}`, 'country');
  }
}

export function requireAqrfLevel(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < AQRF_LEVELS.min || value > AQRF_LEVELS.max) {
    throw new RuleViolation('INVALID_AQRF_LEVEL', `${field} must be an AQRF level from 1 to 8, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

export function requireNqfLevel(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < NQF_LEVELS.min || value > NQF_LEVELS.max) {
    throw new RuleViolation('INVALID_NQF_LEVEL', `${field} must be a framework level from 1 to 10, got ${JSON.stringify(value)}`, field);
  }
  return value;
}

export function optionalText(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value;
}
