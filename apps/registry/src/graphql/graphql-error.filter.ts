import { Catch, type ExceptionFilter } from '@nestjs/common';
import { GraphQLError } from 'graphql';

/**
 * Hands GraphQL errors (RegistryError included) back to GraphQL untouched. Without it Nest's default handler
 * logs each one at ERROR with a stack trace — every refused input or broken rule would read like an outage.
 * Unexpected errors are not caught here: the error formatter logs them and hides their insides.
 */
@Catch(GraphQLError)
export class GraphqlErrorPassthrough implements ExceptionFilter {
  catch(error: GraphQLError): GraphQLError {
    return error;
  }
}
