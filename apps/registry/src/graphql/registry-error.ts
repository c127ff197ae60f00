import { GraphQLError } from 'graphql';
import type { ErrorCode } from '../errors';

/** The GraphQL face of an error the API means to show a caller (a stable code, a message a person can read, the
 * details a program needs). Built only at the GraphQL edge: by `toGraphQLError` from an application error, and by
 * the edge's own checks of a document before any resolver runs. Anything else thrown is reported as
 * INTERNAL_SERVER_ERROR, unexplained. */
export class RegistryError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { ...details, code } });
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}
