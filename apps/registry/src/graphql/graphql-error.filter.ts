import { Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import { RuleViolation } from '@registry/domain';
import { EventStoreUnavailableError } from '@registry/event-store';
import { GraphQLError } from 'graphql';
import { ApplicationError } from '../errors';
import { RegistryError } from './registry-error';
import { toGraphQLError } from './to-graphql-error';

/**
 * The GraphQL edge of application errors: a refusal of the write path or the read side (ApplicationError, a
 * domain RuleViolation) becomes a GraphQL error with a stable code; GraphQL errors (RegistryError included) go
 * back untouched. Without it Nest's default handler logs each one at ERROR with a stack trace — every refused
 * input or broken rule would read like an outage. A store that cannot be reached is an operating condition, not
 * a bug: SERVICE_UNAVAILABLE, one warning line. Unexpected errors are not caught here: the error formatter logs
 * them and hides their insides.
 */
@Catch(GraphQLError, ApplicationError, RuleViolation, EventStoreUnavailableError)
export class GraphqlErrorPassthrough implements ExceptionFilter {
  private readonly logger = new Logger('EventStore');

  catch(error: GraphQLError | ApplicationError | RuleViolation | EventStoreUnavailableError): GraphQLError {
    if (error instanceof GraphQLError) return error;
    if (error instanceof EventStoreUnavailableError) {
      this.logger.warn(`not available: ${error.message}`);
      return new RegistryError('SERVICE_UNAVAILABLE', 'The event store is not available; retry later');
    }
    return toGraphQLError(error);
  }
}
