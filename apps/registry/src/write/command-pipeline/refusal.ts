import type { RuleViolation } from '@registry/domain';
import { RegistryError } from '../../graphql/registry-error';

/** A refused command as the API reports it: the violation's kind is the error code, the rule travels with it. */
export function refusalOf(violation: RuleViolation): RegistryError {
  const details: Record<string, unknown> = { rule: violation.code };
  if (violation.field !== undefined) details.field = `input.${violation.field}`;
  return new RegistryError(violation.kind, violation.message, details);
}
