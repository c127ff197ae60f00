import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@registry/domain';
import { CallerActor } from '../../auth';
import { ApplicationError } from '../../errors';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import { SendsCommand } from '../mutation/sends-command.decorator';
import { CertificateImport, problemRow } from './certificate-import';
import { ImportCertificatesInput } from './import-certificates.input';
import { ImportCertificatesResultObject, toImportResult } from './import-certificates.result';
import { planImport, type ImportRow } from './import-rows';

@Resolver()
export class ImportCertificatesMutation {
  constructor(private readonly importer: CertificateImport) {}

  @Mutation(() => ImportCertificatesResultObject, {
    description:
      'A CB\'s certificates with their history, as `npm run import` records them (the same rows, checks and command ids): every row is checked, then each certificate\'s rows are decided in order and all of them appended together. A refused row stops the rest of its certificate; a row already imported is SKIPPED.',
  })
  // Every certificate command is a CERTIFICATION_BODY's: checked once, before the rows are read.
  @SendsCommand('IssueCertificate')
  async importCertificates(
    @Args('input', RegistryValidationPipe) input: ImportCertificatesInput,
    @CallerActor() caller: Actor | null,
  ): Promise<ImportCertificatesResultObject> {
    if (caller === null) throw new ApplicationError('UNAUTHENTICATED', 'An API key is required to importCertificates');
    if (caller.cbId !== input.cbId) throw new ApplicationError('FORBIDDEN', 'A CERTIFICATION_BODY key imports the certificates of its own CB only', { field: 'cbId' });
    const rows: ImportRow[] = input.rows.map((row, index) => ({
      line: index,
      number: row.number,
      event: row.event,
      date: row.date,
      schemeCode: row.schemeCode ?? '',
      holderName: row.holderName ?? '',
      validUntil: row.validUntil ?? '',
      reason: row.reason ?? '',
    }));
    const plan = planImport({ rows, problems: [] }, input.cbId);
    const dryRun = input.dryRun === true;
    const recorded = await this.importer.record(caller, plan.certificates.flat(), { readYourWrites: true, dryRun });
    return toImportResult([...plan.problems.map((problem) => problemRow(problem, input.rows[problem.line])), ...recorded.rows], dryRun);
  }
}
