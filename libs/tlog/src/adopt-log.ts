import type { EventStore, RecordedEvent } from '@registry/event-store';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKPOINTS_FILE, CheckpointFile, checkpointsPath, type StoredCheckpoint } from './sqlite/checkpoint-file';
import { LogTreeFile, logTreePath } from './sqlite/log-tree-file';

export interface LogToAdopt {
  /** The last checkpoint signed over the old log, null when none was. */
  lastSigned: StoredCheckpoint | null;
  /** Events the log holds now. */
  events: number;
}

export interface AdoptedLog extends LogToAdopt {
  /** Where the old log's checkpoints and cosignatures are kept (in the data directory). */
  archive: string | null;
}

/** What adopting would leave behind and take on. Fails when a registry holds the data directory (the tree file
 * is opened exclusively). */
export async function describeLogToAdopt(store: EventStore, dataDir: string): Promise<LogToAdopt> {
  const tree = LogTreeFile.open(logTreePath(dataDir));
  tree.close();
  const checkpoints = CheckpointFile.open(checkpointsPath(dataDir));
  let lastSigned: StoredCheckpoint | null;
  try {
    lastSigned = checkpoints.latest();
  } finally {
    checkpoints.close();
  }
  let events = 0;
  let from: bigint | 'start' = 'start';
  for (;;) {
    const after = from;
    const page: RecordedEvent[] = (await store.readAll({ fromPosition: after, maxCount: 5_001 })).filter((event) => event.position !== after);
    if (page.length === 0) break;
    events += page.length;
    from = page[page.length - 1].position;
  }
  return { lastSigned, events };
}

/**
 * Makes the registry take the log as it is now for its history: the checkpoints it signed over the old log
 * move to `signed-checkpoints.abandoned-<time>.sqlite3` (kept: they are what witnesses and auditors hold), the
 * tree is dropped (hashed again from the log at the next start, and signed anew). The read models, built from
 * the old log, are rebuilt at the next start, as the log no longer holds their last event. The signing key
 * stays: a witness that cosigned the old log will see the fork and refuse — as it should; tell the witnesses.
 */
export async function adoptLog(store: EventStore, dataDir: string, now: Date): Promise<AdoptedLog> {
  const found = await describeLogToAdopt(store, dataDir);
  let archive: string | null = null;
  if (existsSync(checkpointsPath(dataDir))) {
    // Folds the checkpoint file's WAL into it, so that one file is the whole archive.
    const checkpoints = CheckpointFile.open(checkpointsPath(dataDir));
    checkpoints.close();
    archive = join(dataDir, CHECKPOINTS_FILE.replace('.sqlite3', `.abandoned-${now.toISOString().replace(/[:.]/g, '-')}.sqlite3`));
    renameSync(checkpointsPath(dataDir), archive);
    for (const suffix of ['-wal', '-shm']) rmSync(`${checkpointsPath(dataDir)}${suffix}`, { force: true });
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${logTreePath(dataDir)}${suffix}`, { force: true });
  return { ...found, archive };
}
