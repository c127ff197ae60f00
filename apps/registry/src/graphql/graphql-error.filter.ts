import { Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import { EventStoreUnavailableError } from '@registry/event-store';
import { GraphQLError } from 'graphql';
import { RegistryError } from './registry-error';

/**
 * Hands GraphQL errors (RegistryError included) back to GraphQL untouched. Without it Nest's default handler
 * logs each one at ERROR with a stack trace — every refused input or broken rule would read like an outage.
 * A store that cannot be reached is an operating condition, not a bug: SERVICE_UNAVAILABLE, one warning line.
 * Unexpected errors are not caught here: the error formatter logs them and hides their insides.
 */
@Catch(GraphQLError, EventStoreUnavailableError)
export class GraphqlErrorPassthrough implements ExceptionFilter {
  private readonly logger = new Logger('EventStore');

  catch(error: GraphQLError | EventStoreUnavailableError): GraphQLError {
    if (error instanceof GraphQLError) return error;
    this.logger.warn(`not available: ${error.message}`);
    return new RegistryError('SERVICE_UNAVAILABLE', 'The event store is not available; retry later');
  }
}
