import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { RuleViolation } from '@registry/domain';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { ApplicationError } from '../errors';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429 };

function codeOf(error: GraphQLError | ApplicationError | RuleViolation): string {
  if (error instanceof ApplicationError) return error.code;
  if (error instanceof RuleViolation) return error.kind;
  return String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR');
}

/** The HTTP edge of application errors: the REST endpoints of the log answer a refusal (an ApplicationError, from
 * the auth guard or an argument check) as JSON with the same stable code GraphQL would give, never as a 500. */
@Catch(GraphQLError, ApplicationError, RuleViolation)
export class HttpRefusalFilter implements ExceptionFilter {
  catch(error: GraphQLError | ApplicationError | RuleViolation, host: ArgumentsHost): void {
    const code = codeOf(error);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(STATUS[code] ?? 500).send({ error: { code, message: error.message } });
  }
}
