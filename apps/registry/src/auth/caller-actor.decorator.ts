import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@registry/domain';
import { knownCaller, requestOf } from './request-caller';

/** The calling key's actor in a resolver, or null for a caller without a key. */
export const CallerActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor | null => {
  const caller = knownCaller(requestOf(context));
  return caller.kind === 'key' ? caller.actor : null;
});
