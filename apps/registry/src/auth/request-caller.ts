import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Caller } from './caller';

// One lookup per HTTP request, however many root fields the query has.
const callers = new WeakMap<FastifyRequest, Caller>();

export function requestOf(context: ExecutionContext): FastifyRequest | undefined {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req?: FastifyRequest }>().req;
  }
  return context.switchToHttp().getRequest<FastifyRequest>();
}

export function cachedCaller(request: FastifyRequest, identify: () => Caller): Caller {
  let caller = callers.get(request);
  if (caller === undefined) {
    caller = identify();
    callers.set(request, caller);
  }
  return caller;
}

export function knownCaller(request: FastifyRequest | undefined): Caller {
  return (request && callers.get(request)) ?? { kind: 'anonymous' };
}
