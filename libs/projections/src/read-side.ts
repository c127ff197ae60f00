import { existsSync } from 'node:fs';
import type { EventStore } from '@registry/event-store';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner';
import { Projector } from './projector';
import { rebuildReadModels } from './rebuild-read-models';
import { REGISTRY_PROJECTIONS } from './registry/registry-projections';
import { RegistryReadModels } from './registry/registry-read-models';
import { SkillsReadModels } from './skills/skills-read-models';
import { openReadModelFile, readModelsPath } from './sqlite/read-model-file';

/** The running read side of one registry process: its projections kept up to date, and their queries. */
export interface ReadSide {
  readonly readModels: RegistryReadModels;
  readonly skills: SkillsReadModels;
  readonly runner: ProjectionRunner;
  /** Stops following the log and closes the file; the store stays open. */
  close(): Promise<void>;
}

/**
 * Opens (or creates) `read-models.sqlite` in the data directory, resumes every projection from its
 * checkpoint and resolves once they have caught up with the log as it stands; then keeps following it.
 * With no read models at all (a new replica, a deleted file), they are first built the way a rebuild
 * builds them, on two cores. Throws ReadModelsInUseError when another process has the file.
 */
export async function startReadSide(store: EventStore, dataDir: string, options: ProjectionRunnerOptions = {}): Promise<ReadSide> {
  const file = readModelsPath(dataDir);
  if (!existsSync(file)) await rebuildReadModels(store, dataDir);
  const db = openReadModelFile(file, 'live');
  try {
    const projector = new Projector(db, REGISTRY_PROJECTIONS);
    const runner = new ProjectionRunner(store, projector, options);
    const readModels = new RegistryReadModels(projector);
    const skills = new SkillsReadModels(projector);
    await runner.start();
    let closing: Promise<void> | undefined;
    const shutDown = async (): Promise<void> => {
      await runner.stop();
      db.close();
    };
    return { readModels, skills, runner, close: () => (closing ??= shutDown()) };
  } catch (error) {
    db.close();
    throw error;
  }
}
