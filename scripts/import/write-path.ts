import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { createEventStore, type EventStore } from '@registry/event-store';
import { admitBulkWriter } from '@registry/tlog';
import { KeyHashing, loadKeySecret } from '../../apps/registry/src/auth';
import { SystemClock } from '../../apps/registry/src/clock';
import type { Config } from '../../apps/registry/src/config';
import { StoreModule } from '../../apps/registry/src/store';
import { CommandPipelineModule } from '../../apps/registry/src/write/command-pipeline';
import { CertificateImport } from '../../apps/registry/src/write/certificate-import/certificate-import';

export type ImportWritePath = { store: EventStore; recorder: CertificateImport; hashing: KeyHashing; close(): Promise<void> };

/**
 * The registry's write path alone — the CommandBus, the batch handler (the deciders, the same facts, event ids
 * and metadata as the API's) and the store — with nothing following the log: no read models, tree, notifier or
 * process managers on the thread the import runs on. The registry is stopped meanwhile (the data directory is
 * locked); its next start brings all of them up to date, as after any restart.
 */
export async function openImportWritePath(config: Config): Promise<ImportWritePath> {
  const hashing = new KeyHashing(loadKeySecret(config));
  const store = await createEventStore({ dataDir: config.dataDir, connectionString: config.eventStoreConnectionString });
  let context: INestApplicationContext | undefined;
  try {
    if (config.eventStoreConnectionString === undefined) await admitBulkWriter(store, config.dataDir);
    @Module({ imports: [CqrsModule.forRoot(), StoreModule.register(store), CommandPipelineModule.register(new SystemClock())], providers: [CertificateImport] })
    class ImportWritePathModule {}
    context = await NestFactory.createApplicationContext(ImportWritePathModule, { logger: ['error'] });
    const opened = context;
    // Closing the context closes the store (StoreModule's shutdown hook).
    return { store, recorder: opened.get(CertificateImport), hashing, close: () => opened.close() };
  } catch (error) {
    if (context === undefined) await store.close();
    else await context.close();
    throw error;
  }
}
