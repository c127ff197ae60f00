import type { ValidationRule } from 'graphql';
import { createComplexityRule, fieldExtensionsEstimator, simpleEstimator } from 'graphql-query-complexity';
import { RegistryError } from './registry-error';

/** Bounds on what one request may ask for. A public verification endpoint must not be a denial-of-service lever:
 * the deepest legitimate query (recognition → evidence) is 3 levels; lists are bounded in their resolvers. */
export const QUERY_LIMITS = {
  maxDepth: 8,
  maxComplexity: 2_000,
} as const;

/**
 * Complexity counts every field once, a list field by its `limit`/`first` argument when it has one (a
 * `complexity` option on @Field overrides), so a request cannot multiply work through lists or aliases.
 */
export function complexityRules(variables: Record<string, unknown> | undefined): ValidationRule[] {
  return [
    createComplexityRule({
      maximumComplexity: QUERY_LIMITS.maxComplexity,
      variables: variables ?? {},
      estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
      createError: (max, actual) =>
        new RegistryError('QUERY_TOO_COMPLEX', `Query complexity ${actual} exceeds the limit of ${max}`, {
          limit: max,
          actual,
        }),
    }),
  ];
}
