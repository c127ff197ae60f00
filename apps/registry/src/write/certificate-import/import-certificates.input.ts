import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, ValidateNested } from 'class-validator';
import { CalendarDayField, IdentifierField, LongTextField, PlainTextField } from '../mutation/input-fields';
import { IsOptional } from '../mutation/input-rules';
import { MAX_IMPORT_ROWS } from './certificate-import';
import { IMPORT_EVENTS, type ImportEvent } from './import-rows';

export const ImportEventEnum = Object.fromEntries(IMPORT_EVENTS.map((event) => [event, event])) as { [E in ImportEvent]: E };

registerEnumType(ImportEventEnum, { name: 'ImportEvent', description: 'What a row of a certificate\'s history records.' });

@InputType({
  description:
    'One row of a certificate\'s history, as a row of `npm run import`\'s file: ISSUED takes schemeCode, holderName and validUntil; RENEWED validUntil; SUSPENDED, REINSTATED, WITHDRAWN and CANCELLED a reason. `date` is the day it happened.',
})
export class ImportCertificateRowInput {
  @IdentifierField()
  number!: string;

  @Field(() => ImportEventEnum)
  @IsIn(IMPORT_EVENTS)
  event!: ImportEvent;

  @CalendarDayField()
  date!: string;

  @IdentifierField({ nullable: true })
  schemeCode?: string | null;

  @PlainTextField({ nullable: true })
  holderName?: string | null;

  @CalendarDayField({ nullable: true })
  validUntil?: string | null;

  @LongTextField({ nullable: true })
  reason?: string | null;
}

@InputType({ description: `Up to ${MAX_IMPORT_ROWS} rows of certificates' histories, each certificate's rows in order.` })
export class ImportCertificatesInput {
  @IdentifierField({ description: 'The issuing CB: the caller\'s own' })
  cbId!: string;

  @Field(() => [ImportCertificateRowInput], { description: `1 to ${MAX_IMPORT_ROWS} rows.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  @ValidateNested({ each: true })
  @Type(() => ImportCertificateRowInput)
  rows!: ImportCertificateRowInput[];

  @Field(() => Boolean, { nullable: true, description: 'Decide every row, write nothing: WRITTEN then means "would be written".' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean | null;
}
