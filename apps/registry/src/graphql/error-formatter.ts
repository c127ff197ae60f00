import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { isErrorCode, type FieldError } from '../errors';
import { isApplicationError, toGraphQLError } from './to-graphql-error';

type Logger = { error(obj: unknown, msg: string): void };

/** Mercurius wraps the errors of parsing, validation and variable coercion in one MER_ERR_GQL_VALIDATION error
 * whose `errors` holds the real ones. */
function unwrap(error: GraphQLError): GraphQLError[] {
  const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(inner)) return [error];
  return inner.map((e: unknown) =>
    e instanceof GraphQLError ? e : new GraphQLError(e instanceof Error ? e.message : String(e)),
  );
}

/** graphql-js names the field at fault only in its message: `... at "input.issuedOn"; reason`, or
 * `...; Field "holderName" of required type "String!" was not provided.` for a missing one. */
export function fieldsOf(message: string): FieldError[] | undefined {
  const at = /^Variable "\$\w+" got invalid value .*? at "([^"]+)"; (.*)$/s.exec(message);
  if (at) return [{ path: at[1], message: at[2] }];
  const missing = /^Variable "\$(\w+)" got invalid value .*?; (Field "(\w+)" of required type .*)$/s.exec(message);
  if (missing) return [{ path: `${missing[1]}.${missing[3]}`, message: missing[4] }];
  const top = /^Variable "\$(\w+)" (?:got invalid value .*?; )?(.*)$/s.exec(message);
  if (top) return [{ path: top[1], message: top[2] }];
  return undefined;
}

function format(error: GraphQLError, log: Logger | undefined): GraphQLFormattedError {
  const base = { message: error.message, locations: error.locations, path: error.path };
  const original = error.originalError;
  // An application error that reached GraphQL without the exception filter (thrown outside a resolver's call).
  if (isApplicationError(original) && !isErrorCode(error.extensions?.code)) return { ...base, extensions: { ...toGraphQLError(original).extensions } };
  const code = error.extensions?.code;
  if (isErrorCode(code)) {
    // Our own error, possibly wrapped by graphql-js on its way through variable coercion.
    const fields = error.extensions.fields ?? (code === 'BAD_USER_INPUT' ? fieldsOf(error.message) : undefined);
    return { ...base, extensions: { ...error.extensions, ...(fields ? { fields } : {}) } };
  }
  // graphql-js's variable coercion wraps the scalar's own GraphQLError ("String cannot represent…") as originalError;
  // outside execution (no path) that is still the request's fault, never ours.
  if (original === undefined || (original instanceof GraphQLError && error.path === undefined)) {
    // Raised by graphql-js itself (syntax, unknown field, wrong type): the request is at fault, and the message
    // names the field without revealing anything of ours.
    const fields = fieldsOf(error.message);
    return { ...base, extensions: { code: 'BAD_USER_INPUT', ...(fields ? { fields } : {}) } };
  }
  const status = (original as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify refused the HTTP request before GraphQL saw it: malformed JSON, a poisoned body, a wrong content type.
    return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  }
  // Anything else is our fault: log it whole, tell the caller nothing of its insides.
  log?.error({ err: original }, 'unexpected error while answering a GraphQL request');
  return { ...base, message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

/**
 * Every GraphQL error leaves with a stable `extensions.code`, never a stack trace. As GraphQL over HTTP asks,
 * the status is 200 once the request was executed (errors are in the body), and 4xx when it never was.
 */
export function formatRegistryErrors(
  execution: ExecutionResult & Required<Pick<ExecutionResult, 'errors'>>,
  context: MercuriusContext,
): { statusCode: number; response: ExecutionResult } {
  const log = (context?.reply?.log ?? context?.app?.log) as Logger | undefined;
  const errors = execution.errors.flatMap(unwrap).map((e) => format(e, log));
  // `data` is absent only when the request never reached execution (parse, validation, variables, limits).
  const executed = execution.data !== undefined;
  const statusCode = executed
    ? 200
    : (errors.map((e) => STATUS[String(e.extensions?.code)]).find((s) => s !== undefined) ?? 400);
  return { statusCode, response: { data: execution.data ?? null, errors: errors as unknown as GraphQLError[] } };
}
