import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ApplicationError } from '../errors';
import { API_KEY_DIRECTORY, type ApiKeyDirectory } from './api-key-directory';
import { identifyCaller } from './caller';
import { KEY_HASHING, type KeyHashing } from './key-hashing';
import { cachedCaller, requestOf } from './request-caller';

/**
 * Runs before every resolver: identifies the caller from `Authorization: Bearer <key>`. A presented key that is
 * unknown, revoked or malformed is UNAUTHENTICATED even for public queries, so a revoked integration notices.
 * What each caller may do is decided by the resolvers through Authorizer.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(API_KEY_DIRECTORY) private readonly directory: ApiKeyDirectory,
    @Inject(KEY_HASHING) private readonly hashing: KeyHashing,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    if (request === undefined) return true;
    const caller = await cachedCaller(request, () => identifyCaller(request.headers.authorization, this.directory, this.hashing));
    if (caller.kind === 'refused') throw new ApplicationError('UNAUTHENTICATED', caller.reason);
    return true;
  }
}
