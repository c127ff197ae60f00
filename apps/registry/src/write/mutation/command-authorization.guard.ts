import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { RegistryCommandType } from '@registry/domain';
import { Authorizer } from '../../auth';
import { knownCaller, requestOf } from '../../auth/request-caller';

/** Metadata key set by @SendsCommand. */
export const SENDS_COMMAND = 'registry:sends-command';

/**
 * Guards run before pipes: a caller without the right key learns UNAUTHENTICATED or FORBIDDEN, never which of
 * its input fields were wrong. Runs after the global AuthGuard, which identified the caller.
 */
@Injectable()
export class CommandAuthorizationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authorizer: Authorizer,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const type = this.reflector.get<RegistryCommandType | undefined>(SENDS_COMMAND, context.getHandler());
    if (type === undefined) return true;
    const caller = knownCaller(requestOf(context));
    this.authorizer.authorizeCommand(caller.kind === 'key' ? caller.actor : null, type);
    return true;
  }
}
