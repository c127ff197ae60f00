import { getOperationAST, getVariableValues, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { checkDocument } from './document-guard';
import { fieldsOf } from './error-formatter';
import { assertComplexity, QUERY_LIMITS } from './query-limits';
import { RegistryError } from './registry-error';
import { takeSubscriptionVariables, type SubscriptionVariablesContext } from './subscription-variables';

/**
 * preSubscriptionExecution: a subscription document meets the same bounds as a query's. Mercurius hands a
 * subscription straight to graphql's `subscribe`, which does not validate, so validation is done here too
 * (at most `maxValidationErrors` errors), and the variables are coerced here too, from what
 * subscription-variables.ts kept (Mercurius does not give them to the hook). Complexity is counted without them:
 * when the document declares required ones the field cap above is the bound (no field a subscription can select
 * weighs more than one).
 */
export async function checkSubscriptionDocument(schema: GraphQLSchema, document: DocumentNode, context: MercuriusContext, id: string | number): Promise<void> {
  await checkDocument(schema, document);
  const errors = validate(schema, document, specifiedRules, { maxErrors: QUERY_LIMITS.maxValidationErrors });
  if (errors.length > 0) {
    throw new RegistryError('BAD_USER_INPUT', errors.map((error) => error.message).join('; '), { reason: 'GRAPHQL_VALIDATION_FAILED' });
  }
  checkVariables(schema, document, takeSubscriptionVariables(context as SubscriptionVariablesContext, id));
  try {
    assertComplexity(schema, document, {});
  } catch (error) {
    if (error instanceof RegistryError) throw error;
  }
}

/** Coerces the variables as `subscribe` will, but refuses a wrong one as a query's would be: BAD_USER_INPUT, with
 * the variable at fault in `fields`, and no error logged. */
function checkVariables(schema: GraphQLSchema, document: DocumentNode, sent: { variables: unknown; operationName: unknown } | undefined): void {
  const operation = getOperationAST(document, typeof sent?.operationName === 'string' ? sent.operationName : undefined);
  if (!operation) return; // `subscribe` refuses it
  const raw = sent?.variables;
  const variables = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: QUERY_LIMITS.maxValidationErrors });
  if (coerced.errors === undefined) return;
  const { errors } = coerced;
  throw new RegistryError('BAD_USER_INPUT', errors.map((error) => error.message).join('; '), {
    fields: errors.flatMap((error) => fieldsOf(error.message) ?? []),
  });
}
