import { RuleViolation } from '../shared/rule-violation';

/**
 * The certificate-number rule: a number that begins with a prefix the accreditation body declared for a CB —
 * the prefix, then a character that is not a letter or digit — may be issued by that CB only. When several
 * declared prefixes begin a number (`MY` and `MY-PS`), the longest decides. Numbers under no declared prefix
 * stay open to every CB (the bench's `PS-TH-…`, the numbers issued before any declaration), each number still
 * unique registry-wide.
 *
 * Prefixes are compared without regard to case, so `my-PS-…` cannot pass for `MY-PS-…` in a listing.
 */
export type NumberPrefixClaim = { prefix: string; cbId: string };

const PREFIX_SHAPE = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+){0,3}$/;
const MAX_PREFIX_LENGTH = 32;

export function normalizePrefix(prefix: string): string {
  return prefix.toUpperCase();
}

export function requirePrefix(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > MAX_PREFIX_LENGTH || !PREFIX_SHAPE.test(value)) {
    throw new RuleViolation(
      'INVALID_NUMBER_PREFIX',
      `a certificate number prefix is 1 to 4 groups of letters and digits joined by "-", at most ${MAX_PREFIX_LENGTH} characters`,
      field,
    );
  }
  return normalizePrefix(value);
}

/** Every prefix a declaration could hold for this number: each stretch before a character that is not a letter
 * or digit, upper-cased (at most a handful: these are the streams read as facts when a number is issued). */
export function candidatePrefixes(number: string): string[] {
  const candidates: string[] = [];
  for (let i = 1; i < number.length && candidates.length < 8; i += 1) {
    if (!/[A-Za-z0-9]/.test(number[i]) && /[A-Za-z0-9]/.test(number[i - 1])) {
      const prefix = normalizePrefix(number.slice(0, i));
      if (prefix.length <= MAX_PREFIX_LENGTH && PREFIX_SHAPE.test(prefix)) candidates.push(prefix);
    }
  }
  return candidates;
}

/** Refuses a number under another CB's declared prefix; `claims` are the declarations found among the
 * number's candidate prefixes. */
export function requireNumberOpenTo(number: string, cbId: string, claims: readonly NumberPrefixClaim[]): void {
  const applicable = claims.filter(({ prefix }) => candidatePrefixes(number).includes(prefix));
  const deciding = applicable.reduce<NumberPrefixClaim | null>((longest, claim) => (longest === null || claim.prefix.length > longest.prefix.length ? claim : longest), null);
  if (deciding !== null && deciding.cbId !== cbId) {
    throw new RuleViolation(
      'NUMBER_PREFIX_OF_ANOTHER_CB',
      `certificate numbers beginning with ${deciding.prefix} are reserved to another certification body`,
      'number',
    );
  }
}
