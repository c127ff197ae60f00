import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ImportedRow } from './certificate-import';

export const ImportOutcomeEnum = { WRITTEN: 'WRITTEN', SKIPPED: 'SKIPPED', REFUSED: 'REFUSED' } as const satisfies { [O in ImportedRow['outcome']]: O };

registerEnumType(ImportOutcomeEnum, {
  name: 'ImportOutcome',
  description: 'WRITTEN: recorded now. SKIPPED: recorded by an earlier import of the same row (nothing new). REFUSED: not recorded; see reason.',
});

@ObjectType('ImportedRow', { description: 'What became of one row.' })
export class ImportedRowObject {
  @Field(() => Int, { description: 'The row\'s index in `rows`, from 0.' })
  index!: number;

  @Field()
  number!: string;

  @Field()
  event!: string;

  @Field(() => ImportOutcomeEnum)
  outcome!: ImportedRow['outcome'];

  @Field(() => String, {
    nullable: true,
    description: 'Why it was refused: INVALID_ROW (the row or its place in the history), FOLLOWS_REFUSED_ROW (an earlier row of the certificate was refused), or the registry\'s rule code (RULE_VIOLATED\'s `rule`).',
  })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The row field at fault, when one is.' })
  field!: string | null;

  @Field(() => String, { nullable: true })
  message!: string | null;
}

@ObjectType('ImportCertificatesResult')
export class ImportCertificatesResultObject {
  @Field({ description: 'True for a dry run: nothing was written.' })
  dryRun!: boolean;

  @Field(() => Int)
  written!: number;

  @Field(() => Int)
  skipped!: number;

  @Field(() => Int)
  refused!: number;

  @Field(() => [ImportedRowObject], { description: 'Every row, in the order given.' })
  rows!: ImportedRowObject[];
}

export function toImportResult(rows: readonly ImportedRow[], dryRun: boolean): ImportCertificatesResultObject {
  const count = (outcome: ImportedRow['outcome']): number => rows.filter((row) => row.outcome === outcome).length;
  return {
    dryRun,
    written: count('WRITTEN'),
    skipped: count('SKIPPED'),
    refused: count('REFUSED'),
    rows: [...rows]
      .sort((a, b) => a.line - b.line)
      .map(({ line, number, event, outcome, reason, field, detail }) => ({ index: line, number, event, outcome, reason, field, message: detail || null })),
  };
}
