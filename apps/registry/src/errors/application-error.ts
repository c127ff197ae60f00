import type { ErrorCode } from './error-codes';

/**
 * An error the application means a caller to see — a stable code, a sentence a person can read, and the details
 * a program needs — raised by the write path and the read side without knowing the transport. Each edge maps it:
 * GraphQL in `graphql/to-graphql-error.ts`. A domain RuleViolation travels unchanged to the edge the same way.
 */
export class ApplicationError extends Error {
  override readonly name = 'ApplicationError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
