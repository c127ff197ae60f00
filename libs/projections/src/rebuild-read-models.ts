import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EventStore } from '@registry/event-store';
import { catchUp } from './catch-up';
import type { DocumentProjection } from './document-projection';
import { BulkProjector } from './bulk-projector';
import { REGISTRY_PROJECTIONS } from './registry/registry-projections';
import { dropCleanMark } from './sqlite/read-model-faults';
import { openReadModelFile, readModelsPath } from './sqlite/read-model-file';

export interface RebuildProgress {
  /** The last position applied. */
  position: bigint;
  /** The log's last position when the rebuild began. */
  head: bigint;
  events: number;
}

export interface RebuildResult {
  events: number;
  /** The last position folded into the new read models (null: empty log). */
  position: bigint | null;
  seconds: number;
}

export interface RebuildOptions {
  /** Events per transaction. */
  pageSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  projections?: readonly DocumentProjection<unknown>[];
  /** Abandons the rebuild (the registry is stopping): the old file is left as it was. */
  signal?: AbortSignal;
}

/**
 * Folds the whole log from position 0 into a fresh file beside the live one, then swaps it in. The live file
 * is held (locked) throughout, so no registry can start on this directory mid-rebuild, and the old read
 * models serve until the new ones are complete: a rebuild that dies leaves them untouched. Events appended
 * after the rebuild began are picked up by the registry's own catch-up at its next start.
 */
export async function rebuildReadModels(store: EventStore, dataDir: string, options: RebuildOptions = {}): Promise<RebuildResult> {
  const started = process.hrtime.bigint();
  const livePath = readModelsPath(dataDir);
  const freshPath = `${livePath}.rebuild`;
  const live = openReadModelFile(livePath, 'live');
  let position: bigint | null = null;
  let events = 0;
  try {
    removeDatabase(freshPath);
    const projector = await BulkProjector.open(freshPath, options.projections ?? REGISTRY_PROJECTIONS);
    try {
      const [last] = await store.readAll({ direction: 'backwards', fromPosition: 'end', maxCount: 1 });
      const head = last?.position ?? 0n;
      position = await catchUp(store, projector, null, options.pageSize ?? 500, (progress) => {
        options.signal?.throwIfAborted();
        events = progress.events;
        options.onProgress?.({ ...progress, head });
      });
      await projector.finish();
    } catch (error) {
      await projector.abort();
      throw error;
    }
  } catch (error) {
    live.close();
    removeDatabase(freshPath);
    throw error;
  }
  // No fsync while bulk-loading: one at the end, before the new file takes the old one's name.
  fsyncPath(freshPath);
  live.close();
  // A WAL left beside the old file must never be replayed into the new one.
  removeJournals(livePath);
  dropCleanMark(livePath);
  renameSync(freshPath, livePath);
  fsyncPath(dirname(livePath));
  return { events, position, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

function removeJournals(path: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

function removeDatabase(path: string): void {
  rmSync(path, { force: true });
  removeJournals(path);
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
