import { getOperationAST, Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { QUERY_LIMITS, PARSE_OPTIONS } from './query-limits';
import { RegistryError } from './registry-error';
import { rootFields } from './root-fields';

/**
 * What a document must be before anything else looks at it. Mercurius, when the `query` text does not parse as
 * GraphQL, tries it as a JSON-encoded syntax tree (`JSON.parse(source)`) and executes that tree: its names were
 * never lexed, so they can carry anything into graphql-jit's generated code or the error messages. Only
 * documents produced by the GraphQL parser from a string may run; these hooks shut that door and check again.
 */

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
const INT = /^-?(?:0|[1-9][0-9]*)$/;
const FLOAT = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const KINDS = new Set<string>(Object.values(Kind));

function refused(message: string, reason: string): RegistryError {
  return new RegistryError('BAD_USER_INPUT', message, { reason });
}

/** Whether the text is a JSON value. No GraphQL document is (a document starts with a keyword or `{ name`, and
 * JSON's `{}` is an empty selection set, itself a syntax error), so this refuses exactly what the fallback takes. */
function isJson(source: string): boolean {
  const text = source.trimStart();
  // Cheap exits first: GraphQL text starts with a keyword (`query`, `fragment`...) or `{ name`, JSON with one of
  // `{"`, `{}`, `[`, `"`, a digit, `-`, `true`, `false` or `null`.
  if (text[0] === '{') {
    const next = text.slice(1).trimStart()[0];
    if (next !== '"' && next !== '}') return false;
  } else if (!/^(?:[["\d-]|true|false|null)/.test(text)) {
    return false;
  }
  try {
    JSON.parse(source);
    return true;
  } catch {
    return false;
  }
}

function operationNameOf(context: MercuriusContext): string | undefined {
  const request = context.reply?.request as { query?: unknown; body?: unknown } | undefined;
  const from = request?.body ?? request?.query;
  const name = typeof from === 'object' && from !== null ? (from as { operationName?: unknown }).operationName : undefined;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/**
 * preParsing: the query text must be GraphQL text of a bounded size. On GET, the operation to run must be
 * found here too: Mercurius looks it up unguarded on GET, and a missing one would be an internal error.
 */
export function refuseNonGraphqlText(_schema: GraphQLSchema, source: string, context: MercuriusContext): Promise<void> {
  if (source.length > QUERY_LIMITS.maxQueryLength) {
    throw refused(`The query is ${source.length} characters long; at most ${QUERY_LIMITS.maxQueryLength} are accepted`, 'QUERY_TOO_LONG');
  }
  if (isJson(source)) {
    throw refused('The query must be GraphQL text; syntax trees and other JSON values are not accepted', 'NOT_GRAPHQL_TEXT');
  }
  if (context.reply?.request.method === 'GET') {
    const document = parse(source, PARSE_OPTIONS);
    if (getOperationAST(document, operationNameOf(context)) === null) {
      throw refused('The document has several operations or none by that name: give operationName', 'OPERATION_NOT_FOUND');
    }
  }
  return Promise.resolve();
}

type Walk = { fields: number; aliases: number };

/** Every node must be one the parser makes, every name a GraphQL name and every literal what the lexer reads. */
function walk(node: unknown, counts: Walk): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, counts);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const { kind, value } = node as { kind?: unknown; value?: unknown };
  if (typeof kind !== 'string' || !KINDS.has(kind)) throw refused('The document holds a node the GraphQL parser never makes', 'NOT_GRAPHQL_TEXT');
  switch (kind) {
    case Kind.NAME:
    case Kind.ENUM:
      if (typeof value !== 'string' || !NAME.test(value)) throw refused('The document holds a name that is not a GraphQL name', 'INVALID_NAME');
      return;
    case Kind.INT:
      if (typeof value !== 'string' || !INT.test(value)) throw refused('The document holds a malformed integer', 'NOT_GRAPHQL_TEXT');
      return;
    case Kind.FLOAT:
      if (typeof value !== 'string' || !FLOAT.test(value)) throw refused('The document holds a malformed number', 'NOT_GRAPHQL_TEXT');
      return;
    case Kind.STRING:
      if (typeof value !== 'string') throw refused('The document holds a malformed string', 'NOT_GRAPHQL_TEXT');
      return;
    case Kind.BOOLEAN:
      if (typeof value !== 'boolean') throw refused('The document holds a malformed boolean', 'NOT_GRAPHQL_TEXT');
      return;
    case Kind.FIELD:
      counts.fields += 1;
      if ((node as { alias?: unknown }).alias !== undefined) counts.aliases += 1;
      break;
  }
  for (const [key, child] of Object.entries(node)) if (key !== 'loc') walk(child, counts);
}

/**
 * preValidation (once per distinct query text: what passes is cached, what is refused here is not cached at
 * all, so refused documents cost no memory): the shape check above, the field and alias caps, and one
 * mutation per request — a request is then written whole or not at all.
 */
export function checkDocument(_schema: GraphQLSchema, document: DocumentNode): Promise<void> {
  const counts: Walk = { fields: 0, aliases: 0 };
  walk(document, counts);
  if (counts.fields > QUERY_LIMITS.maxFields) {
    throw new RegistryError('QUERY_TOO_COMPLEX', `The document selects ${counts.fields} fields; at most ${QUERY_LIMITS.maxFields} are accepted`, {
      reason: 'TOO_MANY_FIELDS',
      limit: QUERY_LIMITS.maxFields,
      actual: counts.fields,
    });
  }
  if (counts.aliases > QUERY_LIMITS.maxAliases) {
    throw new RegistryError('QUERY_TOO_COMPLEX', `The document has ${counts.aliases} aliases; at most ${QUERY_LIMITS.maxAliases} are accepted`, {
      reason: 'TOO_MANY_ALIASES',
      limit: QUERY_LIMITS.maxAliases,
      actual: counts.aliases,
    });
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== 'mutation') continue;
    const mutations = rootFields(document, definition.selectionSet).filter((name) => name !== '__typename');
    if (mutations.length > 1) {
      throw refused(
        `A request may hold one mutation; this one holds ${mutations.length}. Send each in its own request: nothing was written`,
        'ONE_MUTATION_PER_REQUEST',
      );
    }
  }
  return Promise.resolve();
}
