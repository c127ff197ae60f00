import { type MercuriusDriverConfig, MercuriusDriver } from '@nestjs/mercurius';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { formatRegistryErrors } from './error-formatter';
import { GraphqlErrorPassthrough } from './graphql-error.filter';
import { QUERY_LIMITS, assertQueryComplexity } from './query-limits';

/**
 * GraphQL on Mercurius inside Nest's Fastify instance, with graphql-jit compiling each query after its first
 * run. The schema is built code-first from the resolvers' decorators and printed to `apps/registry/schema.graphql`
 * by `npm run schema`; a test keeps the committed file equal to what the code generates.
 */
@Module({
  imports: [
    GraphQLModule.forRoot<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      autoSchemaFile: true,
      sortSchema: true,
      path: '/graphql',
      graphiql: false, // served from local assets by registerGraphiql, not from Mercurius's CDN page
      jit: 1,
      queryDepth: QUERY_LIMITS.maxDepth,
      hooks: { preExecution: [assertQueryComplexity] },
      errorFormatter: formatRegistryErrors,
      allowBatchedQueries: false,
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: GraphqlErrorPassthrough }],
})
export class GraphqlPlatformModule {}
