import { isObjectType, type DocumentNode, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { RegistryError } from './registry-error';

/** Bounds on what one request may ask for. A public verification endpoint must not be a denial-of-service lever:
 * the deepest legitimate query (recognition → evidence) is 3 levels; lists are bounded in their resolvers. */
export const QUERY_LIMITS = {
  maxDepth: 8,
  maxComplexity: 2_000,
} as const;

const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

/** Whether some field weighs itself by its arguments (`complexity` on @Field): only then do variables matter. */
const readsArguments = new WeakMap<GraphQLSchema, boolean>();
function complexityReadsArguments(schema: GraphQLSchema): boolean {
  let answer = readsArguments.get(schema);
  if (answer === undefined) {
    answer = Object.values(schema.getTypeMap()).some(
      (type) => isObjectType(type) && Object.values(type.getFields()).some((f) => f.extensions?.complexity !== undefined),
    );
    readsArguments.set(schema, answer);
  }
  return answer;
}

// Mercurius reuses one parsed DocumentNode per query text, so a repeated query is measured once.
const byDocument = new WeakMap<DocumentNode, number>();

function complexityOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): number {
  if (complexityReadsArguments(schema)) return getComplexity({ schema, query: document, variables, estimators });
  let complexity = byDocument.get(document);
  if (complexity === undefined) {
    complexity = getComplexity({ schema, query: document, variables, estimators });
    byDocument.set(document, complexity);
  }
  return complexity;
}

/**
 * Complexity counts every field once, and a field's `complexity` option on @Field can weigh a list by its
 * `limit` argument, so a request cannot multiply work through lists or aliases. It runs as a preExecution hook
 * rather than a validation rule because it needs the request's variables, and Mercurius caches validation
 * per query text (a function for validationRules would disable that cache, and with it the JIT).
 */
export function assertQueryComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  _context: unknown,
  variables: Record<string, unknown> | undefined,
): Promise<void> {
  const complexity = complexityOf(schema, document, variables ?? {});
  if (complexity > QUERY_LIMITS.maxComplexity) {
    throw new RegistryError(
      'QUERY_TOO_COMPLEX',
      `Query complexity ${complexity} exceeds the limit of ${QUERY_LIMITS.maxComplexity}`,
      { limit: QUERY_LIMITS.maxComplexity, actual: complexity },
    );
  }
  return Promise.resolve();
}
