import { RuleViolation } from '@registry/domain';
import { ApplicationError } from '../errors';
import { RegistryError } from './registry-error';

/** The GraphQL face of an application error: its code in `extensions.code`, its details beside it; a domain
 * refusal's kind is the code, its rule travels in `extensions.rule`, the field at fault as its input path. */
export function toGraphQLError(error: ApplicationError | RuleViolation): RegistryError {
  if (error instanceof ApplicationError) return new RegistryError(error.code, error.message, error.details);
  const details: Record<string, unknown> = { rule: error.code };
  if (error.field !== undefined) details.field = `input.${error.field}`;
  return new RegistryError(error.kind, error.message, details);
}

export function isApplicationError(error: unknown): error is ApplicationError | RuleViolation {
  return error instanceof ApplicationError || error instanceof RuleViolation;
}
