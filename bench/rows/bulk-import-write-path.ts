import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import type { Actor } from '@registry/domain';
import { openSqliteEventStore } from '@registry/event-store';
import { randomUUID } from 'node:crypto';
import { SystemClock } from '../../apps/registry/src/clock';
import { StoreModule } from '../../apps/registry/src/store';
import { commandHashOf, CommandPipelineModule, ExecuteRegistryCommand, type CommandDraft } from '../../apps/registry/src/write/command-pipeline';
import { CertificateImport, MAX_IMPORT_ROWS } from '../../apps/registry/src/write/certificate-import/certificate-import';
import type { PlannedRow } from '../../apps/registry/src/write/certificate-import/import-rows';
import { IMPORT_SCHEME } from '../dataset/import-file';
import { collectGarbage } from '../support/collect-garbage';

/**
 * The bulk write path with nothing following the log: the CommandBus, the batch handler and the store, no read
 * side, tree or notifier in the process. What row 11's import costs in itself, apart from what follows the log.
 */
export async function writePathSeconds(dataDir: string, cbId: string, certificates: PlannedRow[][]): Promise<number> {
  const store = await openSqliteEventStore({ dataDir });
  @Module({ imports: [CqrsModule.forRoot(), StoreModule.register(store), CommandPipelineModule.register(new SystemClock())], providers: [CertificateImport] })
  class WritePathModule {}
  const context = await NestFactory.createApplicationContext(WritePathModule, { logger: false });
  try {
    const bus = context.get(CommandBus);
    const admin: Actor = { role: 'ACCREDITATION_BODY', keyId: 'bench-admin' };
    const send = (draft: CommandDraft) => {
      const commandId = randomUUID();
      return bus.execute(new ExecuteRegistryCommand(draft, { commandId, commandIdFromCaller: false, correlationId: commandId, commandHash: commandHashOf(draft.type, admin.keyId, draft.data) }));
    };
    await send({ type: 'RegisterScheme', data: { code: IMPORT_SCHEME, title: 'Productivity Specialist' }, actor: admin });
    await send({ type: 'AccreditCertificationBody', data: { cbId, name: 'Bulk import body', country: 'TH', scope: [IMPORT_SCHEME], accreditedOn: '2023-01-01', validUntil: '2030-12-31' }, actor: admin });
    const importer = context.get(CertificateImport);
    const actor: Actor = { role: 'CERTIFICATION_BODY', keyId: 'bench-cb', cbId };
    const batches: PlannedRow[][] = [];
    for (const rows of certificates) {
      const last = batches[batches.length - 1];
      if (last === undefined || last.length + rows.length > MAX_IMPORT_ROWS) batches.push([...rows]);
      else last.push(...rows);
    }
    collectGarbage();
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < batches.length) await importer.record(actor, batches[next++], { readYourWrites: false });
    };
    const started = performance.now();
    await Promise.all([lane(), lane()]);
    return (performance.now() - started) / 1000;
  } finally {
    await context.close();
    await store.close();
  }
}
