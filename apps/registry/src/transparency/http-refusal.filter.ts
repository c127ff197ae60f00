import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429 };

/** The REST endpoints of the log answer a refusal (a RegistryError, e.g. from the auth guard) as JSON with
 * the same stable code GraphQL would give, never as a 500. */
@Catch(GraphQLError)
export class HttpRefusalFilter implements ExceptionFilter {
  catch(error: GraphQLError, host: ArgumentsHost): void {
    const code = String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR');
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply.status(STATUS[code] ?? 500).send({ error: { code, message: error.message } });
  }
}
