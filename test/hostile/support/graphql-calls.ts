import { getNamedType, isLeafType, isObjectType, type GraphQLSchema } from 'graphql';
import type { HttpClient } from '../../support/http-client';

export interface GraphqlError {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface GraphqlAnswer {
  status: number;
  data: Record<string, unknown> | null;
  errors: GraphqlError[];
}

export function bearer(key: string | undefined): Record<string, string> {
  return key === undefined ? {} : { authorization: `Bearer ${key}` };
}

export async function graphql(http: HttpClient, query: string, variables: Record<string, unknown> = {}, key?: string): Promise<GraphqlAnswer> {
  const response = await http.graphql<Record<string, unknown>>(query, variables, bearer(key));
  const body = typeof response.body === 'object' && response.body !== null ? response.body : {};
  return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
}

/** The codes of an answer's errors, in order (empty when it succeeded). */
export function errorCodes(answer: GraphqlAnswer): string[] {
  return answer.errors.map((error) => String(error.extensions?.code ?? 'NO_CODE'));
}

/** `mutation($input: XInput!) { name(input: $input) { …every scalar field of the result… } }`, from the schema. */
export function mutationDocument(schema: GraphQLSchema, name: string): string {
  const field = schema.getMutationType()?.getFields()[name];
  if (field === undefined) throw new Error(`the schema has no mutation ${name}`);
  const input = field.args.find((arg) => arg.name === 'input');
  if (input === undefined) throw new Error(`mutation ${name} takes no input argument`);
  const result = getNamedType(field.type);
  const selection = isObjectType(result)
    ? Object.values(result.getFields())
        .filter((f) => isLeafType(getNamedType(f.type)))
        .map((f) => f.name)
        .join(' ')
    : '';
  return `mutation Hostile($input: ${String(input.type)}) { ${name}(input: $input)${selection === '' ? '' : ` { ${selection} }`} }`;
}

/** The mutations the running schema offers. */
export function mutationNames(schema: GraphQLSchema): string[] {
  return Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();
}
