import { type DynamicModule, Global, Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import type { TransparencyLog } from '@registry/tlog';
import { CheckpointController } from './checkpoint.controller';
import { CosignatureMutation } from './cosignature.mutation';
import { EventRefLeafIndexResolver, RecordedEventLeafIndexResolver } from './leaf-index.resolver';
import { LogProofsController } from './log-proofs.controller';
import { TRANSPARENCY_LOG } from './transparency-log.token';
import { TransparencyResolver } from './transparency.resolver';

/** Signs the last checkpoint and records a clean stop when the app shuts down, before the store closes. */
@Injectable()
class TransparencyLogCloser implements OnModuleDestroy {
  constructor(@Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog) {}

  async onModuleDestroy(): Promise<void> {
    await this.log.close();
  }
}

/**
 * The tamper-evident log: the already opened TransparencyLog (verified against its checkpoints before Nest
 * started, see create-app.ts) as TRANSPARENCY_LOG, /checkpoint, /.well-known/registry-keys, /log/*, the
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
        TransparencyLogCloser,
        TransparencyResolver,
        CosignatureMutation,
        EventRefLeafIndexResolver,
        RecordedEventLeafIndexResolver,
      ],
      exports: [TRANSPARENCY_LOG],
    };
  }
}
