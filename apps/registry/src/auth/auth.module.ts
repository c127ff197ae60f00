import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { Authorizer } from './authorizer';

/** Needs API_KEY_DIRECTORY from the read side. BootstrapAdminKey is provided by the write module, beside the
 * command pipeline it drives. */
@Global()
@Module({
  providers: [Authorizer, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [Authorizer],
})
export class AuthModule {}
