import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { TransparencyLog } from '@registry/tlog';
import { CheckpointController } from './checkpoint.controller';
import { CosignatureMutation } from './cosignature.mutation';
import { EventRefLeafIndexResolver, RecordedEventLeafIndexResolver } from './leaf-index.resolver';
import { LogProofsController } from './log-proofs.controller';
import { TRANSPARENCY_LOG } from './transparency-log.token';
import { TransparencyResolver } from './transparency.resolver';

/**
 * The tamper-evident log: the already opened TransparencyLog (verified against its checkpoints before Nest
 * started, see create-app.ts; closed with the store, see store.module.ts) as TRANSPARENCY_LOG, /checkpoint, /.well-known/registry-keys, /log/*, the
 * GraphQL checkpoint and proof queries, and `leafIndex` on every EventRef.
 */
@Global()
@Module({})
export class TransparencyModule {
  static register(log: TransparencyLog): DynamicModule {
    return {
      module: TransparencyModule,
      controllers: [CheckpointController, LogProofsController],
      providers: [
        { provide: TRANSPARENCY_LOG, useValue: log },
        TransparencyResolver,
        CosignatureMutation,
        EventRefLeafIndexResolver,
        RecordedEventLeafIndexResolver,
      ],
      exports: [TRANSPARENCY_LOG],
    };
  }
}
