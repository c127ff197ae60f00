import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { Caller } from './caller';

// One identification per HTTP request, however many root fields the query has (the rate limit's hook
// identifies first; the guard finds its answer here).
const identifying = new WeakMap<FastifyRequest, Promise<Caller>>();
const identified = new WeakMap<FastifyRequest, Caller>();

export function requestOf(context: ExecutionContext): FastifyRequest | undefined {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req?: FastifyRequest }>().req;
  }
  return context.switchToHttp().getRequest<FastifyRequest>();
}

export function cachedCaller(request: FastifyRequest, identify: () => Promise<Caller>): Promise<Caller> {
  let caller = identifying.get(request);
  if (caller === undefined) {
    caller = identify().then((found) => {
      identified.set(request, found);
      return found;
    });
    identifying.set(request, caller);
  }
  return caller;
}

/** The caller the guard identified (resolvers run after it). */
export function knownCaller(request: FastifyRequest | undefined): Caller {
  return (request && identified.get(request)) ?? { kind: 'anonymous' };
}
