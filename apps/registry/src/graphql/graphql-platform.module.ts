import { type MercuriusDriverConfig, MercuriusDriver } from '@nestjs/mercurius';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { formatRegistryErrors } from './error-formatter';
import { GraphqlErrorPassthrough } from './graphql-error.filter';
import { checkDocument, refuseNonGraphqlText } from './document-guard';
import { PARSE_OPTIONS, QUERY_LIMITS, assertQueryLimits } from './query-limits';
import { checkSubscriptionDocument } from './subscription-guard';
import { rememberSubscriptionVariables } from './subscription-variables';

/**
 * GraphQL on Mercurius inside Nest's Fastify instance. No graphql-jit: it writes parts of the query into the
 * JavaScript it generates, and not only names — a string argument starting with its internal date marker
 * (`__MAGIC_DATE__…`) is turned into code by a regular expression, so a plain, parser-made GraphQL document
 * ran code in the server. Mercurius still caches the parsed and validated document per query text. The schema is built code-first from the resolvers' decorators and printed to `apps/registry/schema.graphql`
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
      queryDepth: QUERY_LIMITS.maxDepth,
      cache: QUERY_LIMITS.parsedQueryCache,
      graphql: { parseOptions: PARSE_OPTIONS, validateOptions: { maxErrors: QUERY_LIMITS.maxValidationErrors } },
      hooks: {
        preParsing: [refuseNonGraphqlText],
        preValidation: [checkDocument],
        preExecution: [assertQueryLimits],
        preSubscriptionParsing: [refuseNonGraphqlText],
        preSubscriptionExecution: [checkSubscriptionDocument],
      },
      // graphql-ws over WebSocket on the same path; the upgrade request passes the rate limiter and its headers
      // (or the connection_init payload's) carry the API key. Messages are bounded as request bodies are.
      subscription: { keepAlive: 30_000, context: rememberSubscriptionVariables },
      errorFormatter: formatRegistryErrors,
      allowBatchedQueries: false,
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: GraphqlErrorPassthrough }],
})
export class GraphqlPlatformModule {}
