import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@registry/domain';
import type { TransparencyLog } from '@registry/tlog';
import { READ_MODEL_PROGRESS, type ReadModelProgress } from '../../read/read-model-progress';
import { TRANSPARENCY_LOG } from '../../transparency/transparency-log.token';
import { commandHashOf, ExecuteCommandBatch, type BatchItem, type BatchItemOutcome } from '../command-pipeline';
import { columnOf, type PlannedRow, type RowProblem } from './import-rows';

/** The most rows one batch (one API call) carries: bounds one transaction and one answer. */
export const MAX_IMPORT_ROWS = 1000;

/** What became of one row of an import file. */
export type ImportedRow = {
  line: number;
  number: string;
  event: string;
  outcome: 'WRITTEN' | 'SKIPPED' | 'REFUSED';
  /** Why a row was refused: INVALID_ROW (the file), FOLLOWS_REFUSED_ROW, or the rule or reason code of the registry. */
  reason: string | null;
  /** The column (or input field) at fault. */
  field: string | null;
  detail: string;
};

export function problemRow(problem: RowProblem, row?: { number: string; event: string }): ImportedRow {
  const { line, column, reason, code } = problem;
  return { line, number: row?.number ?? '', event: row?.event ?? '', outcome: 'REFUSED', reason: code ?? 'INVALID_ROW', field: column || null, detail: reason };
}

function toImportedRow(row: PlannedRow, outcome: BatchItemOutcome): ImportedRow {
  // Object literals of one shape, not spreads: an import builds 200,000 of these.
  const { line, number, event } = row;
  if (outcome.outcome === 'REFUSED') {
    return { line, number, event, outcome: 'REFUSED', reason: outcome.reason, field: outcome.field === null ? null : columnOf(outcome.field), detail: outcome.message };
  }
  return { line, number, event, outcome: outcome.outcome, reason: null, field: null, detail: outcome.outcome === 'SKIPPED' ? 'already recorded by an earlier run' : '' };
}

/** A planned row as the command its mutation would send: the same data, command id and hash. */
function itemOf(row: PlannedRow, actor: Actor): BatchItem {
  const { commandId, ...data } = row.input;
  const envelope = { commandId, commandIdFromCaller: true, correlationId: commandId, commandHash: commandHashOf(row.command, actor.keyId, data) };
  return { draft: { type: row.command, data, actor } as BatchItem['draft'], envelope, chain: row.number };
}

/**
 * Records checked import rows (see import-rows.ts) on the bulk write path: one ExecuteCommandBatch for a batch of
 * whole certificates. `importCertificates` and `npm run import` both go through here.
 */
@Injectable()
export class CertificateImport {
  constructor(
    private readonly bus: CommandBus,
    @Optional() @Inject(READ_MODEL_PROGRESS) private readonly progress: ReadModelProgress | null,
    @Optional() @Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog | null,
  ) {}

  /**
   * One batch, its rows in order. With `readYourWrites` it answers once the read models and the log's tree show
   * the batch (as every mutation does); a bulk load of many batches leaves them to follow. With `dryRun` every
   * row is decided and nothing written: WRITTEN then means "would be written".
   */
  async record(
    actor: Actor,
    rows: readonly PlannedRow[],
    options: { readYourWrites: boolean; dryRun?: boolean },
  ): Promise<{ rows: ImportedRow[]; position: bigint | null }> {
    if (rows.length === 0) return { rows: [], position: null };
    if (options.readYourWrites) this.progress?.assertCanFollow();
    const outcome = await this.bus.execute(new ExecuteCommandBatch(rows.map((row) => itemOf(row, actor)), options.dryRun ?? false));
    if (options.readYourWrites && outcome.position !== null) {
      await Promise.all([this.progress?.waitFor(outcome.position), this.log?.waitFor(outcome.position)]);
    }
    return { rows: rows.map((row, index) => toImportedRow(row, outcome.items[index])), position: outcome.position };
  }

  /** Read-your-writes at the end of a bulk load: the read models and the tree have followed the log this far. */
  async caughtUp(position: bigint): Promise<void> {
    await Promise.all([this.progress?.waitFor(position), this.log?.waitFor(position)]);
  }
}
