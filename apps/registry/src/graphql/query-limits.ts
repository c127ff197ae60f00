import { BREAK, Kind, visit, type DocumentNode, type GraphQLSchema, type ParseOptions } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { MercuriusContext } from 'mercurius';
import { chargeLookups, isKeyedRequest, LOOKUPS_PER_REQUEST } from '../limits/lookup-allowance';
import { knownCaller } from '../auth/request-caller';
import { rootFields } from './root-fields';
import { RegistryError } from './registry-error';

/**
 * Bounds on what one request may ask for. A public verification endpoint must not be a denial-of-service lever:
 * the deepest legitimate query (recognition → evidence) is 3 levels; lists are bounded in their resolvers; the
 * text, its tokens, fields and aliases are bounded so that a parsed document (kept in a cache of
 * `parsedQueryCache` entries, refused ones with at most `maxValidationErrors` errors) stays small.
 */
export const QUERY_LIMITS = {
  maxDepth: 8,
  maxComplexity: 2_000,
  maxQueryLength: 16_384,
  maxTokens: 1_000,
  maxFields: 250,
  maxAliases: 100,
  maxValidationErrors: 10,
  parsedQueryCache: 128,
} as const;

/** No locations: they double a document's size, and a refused one would keep them in the error cache. */
export const PARSE_OPTIONS: ParseOptions = { noLocation: true, maxTokens: QUERY_LIMITS.maxTokens };

/**
 * Complexity points of the fields whose cost is not one: a recognition is evaluated against every arrangement
 * of its certificate's CB (about 0.2–0.6 ms of CPU each), `recognizedIn` does so for every country. With 2,000
 * points a request holds at most ~50 evaluations: a few tens of milliseconds of CPU.
 */
export const FIELD_WEIGHTS = {
  recognition: 40,
  // A recognition, its inclusion proofs and an Ed25519 signature.
  recognitionStatement: 50,
  recognizedIn: 40,
  certificate: 5,
  // Reads the certificate's recognition decisions, as recognizedIn does, without evaluating the rule.
  lastRecorded: 5,
  history: 50,
  certificationBodies: 20,
  arrangements: 20,
  schemes: 10,
} as const;

/** The root fields that look up one certificate: what an enumeration of numbers spends. */
const LOOKUP_FIELDS = new Set(['certificate', 'recognition', 'recognitionStatement']);

const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];

/** The names of the fields that weigh themselves by their arguments (a function as `complexity`). */
const argumentWeighed = new WeakMap<GraphQLSchema, ReadonlySet<string>>();
function fieldsWeighingArguments(schema: GraphQLSchema): ReadonlySet<string> {
  let names = argumentWeighed.get(schema);
  if (names === undefined) {
    names = new Set(
      Object.values(schema.getTypeMap()).flatMap((type) =>
        'getFields' in type ? Object.values(type.getFields()).filter((f) => typeof f.extensions?.complexity === 'function').map((f) => f.name) : [],
      ),
    );
    argumentWeighed.set(schema, names);
  }
  return names;
}

/**
 * Whether the document's complexity may change with its variables: it selects a field of one of these names
 * anywhere (by name: a safe over-estimate), or uses @include / @skip, which the count honours.
 */
function readsVariables(document: DocumentNode, names: ReadonlySet<string>): boolean {
  let found = false;
  const hit = (): typeof BREAK => {
    found = true;
    return BREAK;
  };
  visit(document, {
    Field: (node) => (names.has(node.name.value) ? hit() : undefined),
    Directive: (node) => (node.name.value === 'include' || node.name.value === 'skip' ? hit() : undefined),
  });
  return found;
}

interface Measured {
  lookups: number;
  /** Only then do its variables change its complexity. */
  readsArguments: boolean;
  complexity?: number;
}

// Mercurius reuses one parsed DocumentNode per query text, so a repeated query is measured once, and its
// complexity counted once unless its variables can change it (issue 18: counting it on every
// request walked the whole document with type information each time, a tenth of a keyless recognition's cost).
const byDocument = new WeakMap<DocumentNode, Measured>();

function measured(schema: GraphQLSchema, document: DocumentNode): Measured {
  let entry = byDocument.get(document);
  if (entry === undefined) {
    const lookups = document.definitions
      .flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query' ? rootFields(document, d.selectionSet) : []))
      .filter((name) => LOOKUP_FIELDS.has(name)).length;
    entry = { lookups, readsArguments: readsVariables(document, fieldsWeighingArguments(schema)) };
    byDocument.set(document, entry);
  }
  return entry;
}

function complexityOf(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): number {
  const entry = measured(schema, document);
  if (entry.readsArguments) return getComplexity({ schema, query: document, variables, estimators });
  entry.complexity ??= getComplexity({ schema, query: document, variables, estimators });
  return entry.complexity;
}

/** Counts every field once (aliases included) with the weights above and refuses past the limit. */
export function assertComplexity(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>): void {
  const complexity = complexityOf(schema, document, variables);
  if (complexity > QUERY_LIMITS.maxComplexity) {
    throw new RegistryError(
      'QUERY_TOO_COMPLEX',
      `Query complexity ${complexity} exceeds the limit of ${QUERY_LIMITS.maxComplexity}`,
      { limit: QUERY_LIMITS.maxComplexity, actual: complexity },
    );
  }
}

/**
 * preExecution, on every request (cached documents included): a presented key that is not valid is refused
 * even for `__typename`; then complexity, which counts every field once (aliases included) with the weights
 * above; then the lookups, capped per request and charged one by one to the caller's rate-limit allowance.
 * A preExecution hook rather than a validation rule because it needs the request and its variables, and
 * Mercurius caches validation per query text.
 */
export async function assertQueryLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  context: MercuriusContext,
  variables: Record<string, unknown> | undefined,
): Promise<void> {
  const request = context.reply?.request;
  const caller = request === undefined ? undefined : knownCaller(request);
  if (caller?.kind === 'refused') throw new RegistryError('UNAUTHENTICATED', caller.reason);

  assertComplexity(schema, document, variables ?? {});
  const { lookups } = measured(schema, document);
  if (request === undefined || lookups <= 1) return;
  const allowance = isKeyedRequest(request) ? LOOKUPS_PER_REQUEST.keyed : LOOKUPS_PER_REQUEST.keyless;
  if (lookups > allowance) {
    throw new RegistryError(
      'QUERY_TOO_COMPLEX',
      `The query looks up ${lookups} certificates or recognitions; at most ${allowance} per request ${isKeyedRequest(request) ? 'with a key' : 'without a key'}`,
      { reason: 'TOO_MANY_LOOKUPS', limit: allowance, actual: lookups },
    );
  }
  const charge = await chargeLookups(request, lookups);
  if (!charge.allowed) {
    void context.reply.header('retry-after', charge.retryAfterSeconds);
    throw new RegistryError(
      'RATE_LIMITED',
      `Too many lookups from ${charge.keyed ? 'this API key' : 'this address without a valid API key'}: ${charge.limit} per ${charge.windowMs / 1000} s; retry in ${charge.retryAfterSeconds} s`,
      { limit: charge.limit, windowMs: charge.windowMs, retryAfterSeconds: charge.retryAfterSeconds },
    );
  }
}
