import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { isErrorCode } from './error-codes';
import { RegistryError } from './registry-error';

type Logger = { error(obj: unknown, msg: string): void };

/** Errors graphql-js raises itself before execution (syntax, unknown field, variable coercion): the caller's
 * request is at fault, so they are BAD_USER_INPUT; their messages name the field and hold no internals. */
function isRequestError(error: GraphQLError): boolean {
  return error.originalError === undefined || error.originalError === error;
}

function format(error: GraphQLError, log: Logger | undefined): GraphQLFormattedError {
  const original = error.originalError;
  const base = { message: error.message, locations: error.locations, path: error.path };
  if (original instanceof RegistryError || isErrorCode(error.extensions?.code)) {
    const extensions = original instanceof RegistryError ? original.extensions : error.extensions;
    return { ...base, message: original instanceof RegistryError ? original.message : error.message, extensions };
  }
  if (original === undefined && isRequestError(error)) {
    return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  }
  // Anything else is our fault: log it whole, tell the caller nothing of its insides.
  log?.error({ err: original ?? error }, 'unexpected error while answering a GraphQL request');
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
  const errors = execution.errors.map((e) => format(e, log));
  // `data` is absent only when the request never reached execution (parse, validation, variables, limits).
  const executed = execution.data !== undefined;
  const statusCode = executed
    ? 200
    : (errors.map((e) => STATUS[String(e.extensions?.code)]).find((s) => s !== undefined) ?? 400);
  return { statusCode, response: { data: execution.data ?? null, errors: errors as unknown as GraphQLError[] } };
}
