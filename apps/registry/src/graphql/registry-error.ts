import { GraphQLError } from 'graphql';
import type { ErrorCode } from '../errors';

/** One input field at fault: `path` is the dotted path inside the mutation's arguments, e.g. `input.issuedOn`. */
export interface FieldError {
  path: string;
  message: string;
}

/** Every error the API means to show a caller: a stable code, a message a person can read, and the details a
 * program needs. Anything thrown that is not one of these is reported as INTERNAL_SERVER_ERROR, unexplained. */
export class RegistryError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export function badUserInput(fields: FieldError[]): RegistryError {
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
  return new RegistryError('BAD_USER_INPUT', `Invalid input: ${summary}`, { fields });
}
