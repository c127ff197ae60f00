import { Controller, Get, Header, Inject, UseFilters } from '@nestjs/common';
import type { TransparencyLog } from '@registry/tlog';
import { ApplicationError } from '../errors';
import { HttpRefusalFilter } from './http-refusal.filter';
import { registryKeys, type RegistryKeysBody } from './registry-keys';
import { TRANSPARENCY_LOG } from './transparency-log.token';

/** The latest signed checkpoint as text, and the keys to check it with. */
@Controller()
@UseFilters(HttpRefusalFilter)
export class CheckpointController {
  constructor(@Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog) {}

  @Get('checkpoint')
  @Header('content-type', 'text/plain; charset=utf-8')
  @Header('cache-control', 'no-store')
  checkpoint(): string {
    const latest = this.log.latestCheckpoint();
    if (latest === null) throw new ApplicationError('NOT_FOUND', 'The registry has signed no checkpoint yet');
    return this.log.cosignedNote(latest);
  }

  /** Every key that ever signed checkpoints (rotation keeps the old ones, closed by validUntil), as JWKs. */
  @Get('.well-known/registry-keys')
  keys(): RegistryKeysBody {
    return registryKeys(this.log);
  }
}
