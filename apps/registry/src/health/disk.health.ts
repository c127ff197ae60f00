import { Inject, Injectable } from '@nestjs/common';
import { statfsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Config, REGISTRY_CONFIG } from '../config';
import type { ComponentHealth, HealthComponent } from './health-component';

/** Below this much free space in the data directory: degraded (an operator has hours, not minutes). */
export const DISK_LOW_BYTES = 512 * 1024 * 1024;
/** Below this: down — the next writes of the log or the read models are about to fail. */
export const DISK_CRITICAL_BYTES = 32 * 1024 * 1024;

/** Headroom on the file system of the data directory (the embedded log and the read models live there). */
@Injectable()
export class DiskHealth implements HealthComponent {
  readonly name = 'disk';

  constructor(@Inject(REGISTRY_CONFIG) private readonly config: Config) {}

  check(): ComponentHealth {
    const path = resolve(this.config.dataDir);
    let freeBytes: number;
    try {
      const stats = statfsSync(path);
      freeBytes = stats.bavail * stats.bsize;
    } catch (error) {
      return { status: 'down', reasons: [`the data directory cannot be examined: ${(error as Error).message}`], path };
    }
    const free = `${Math.floor(freeBytes / (1024 * 1024))} MiB free in ${path}`;
    if (freeBytes < DISK_CRITICAL_BYTES) return { status: 'down', reasons: [`${free}: writes are about to fail`], path, freeBytes };
    if (freeBytes < DISK_LOW_BYTES) return { status: 'degraded', reasons: [`${free}: free some space`], path, freeBytes };
    return { status: 'up', path, freeBytes };
  }
}
