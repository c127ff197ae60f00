import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export type GraphqlErrorBody = { message: string; extensions?: { code?: string; rule?: string } };

/** GraphQL against the app in this process, through Fastify's router: the full HTTP path of the API
 * (limits, auth, validation, resolvers) without opening a port. */
export class RegistryClient {
  constructor(private readonly app: NestFastifyApplication) {}

  async request<T>(query: string, variables: Record<string, unknown>, key?: string): Promise<T> {
    const response = await this.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      payload: JSON.stringify({ query, variables }),
    });
    const body = response.json<{ data?: T; errors?: GraphqlErrorBody[] }>();
    if (body.errors?.length) throw new GraphqlRequestError(body.errors);
    return body.data as T;
  }
}

export class GraphqlRequestError extends Error {
  constructor(readonly errors: GraphqlErrorBody[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}${e.extensions?.rule ? `/${e.extensions.rule}` : ''}: ${e.message}`).join('; '));
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}
