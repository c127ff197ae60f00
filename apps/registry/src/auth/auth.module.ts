import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { type Config, REGISTRY_CONFIG } from '../config';
import { AuthGuard } from './auth.guard';
import { Authorizer } from './authorizer';
import { KEY_HASHING, KeyHashing } from './key-hashing';
import { loadKeySecret } from './key-secret';

/** Needs API_KEY_DIRECTORY from the read side. BootstrapAdminKey is provided by the write module, beside the
 * command pipeline it drives. */
@Global()
@Module({
  providers: [
    Authorizer,
    { provide: KEY_HASHING, inject: [REGISTRY_CONFIG], useFactory: (config: Config) => new KeyHashing(loadKeySecret(config)) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [Authorizer, KEY_HASHING],
})
export class AuthModule {}
