import { specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { checkDocument } from './document-guard';
import { assertComplexity, QUERY_LIMITS } from './query-limits';
import { RegistryError } from './registry-error';

/**
 * preSubscriptionExecution: a subscription document meets the same bounds as a query's. Mercurius hands a
 * subscription straight to graphql's `subscribe`, which does not validate, so validation is done here too
 * (at most `maxValidationErrors` errors). The hook does not see the variables, and counting complexity needs
 * them when the document declares required ones: then the field cap above is the bound (no field a
 * subscription can select weighs more than one), and `subscribe` itself reports the missing variables.
 */
export async function checkSubscriptionDocument(schema: GraphQLSchema, document: DocumentNode): Promise<void> {
  await checkDocument(schema, document);
  const errors = validate(schema, document, specifiedRules, { maxErrors: QUERY_LIMITS.maxValidationErrors });
  if (errors.length > 0) {
    throw new RegistryError('BAD_USER_INPUT', errors.map((error) => error.message).join('; '), { reason: 'GRAPHQL_VALIDATION_FAILED' });
  }
  try {
    assertComplexity(schema, document, {});
  } catch (error) {
    if (error instanceof RegistryError) throw error;
  }
}
