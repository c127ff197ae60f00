import { Command } from '@nestjs/cqrs';
import type { CommandDraft } from './command-draft';
import type { CommandEnvelope } from './execute-registry-command';

/** One command of a batch, with the chain it belongs to: a refused command stops the rest of its chain. */
export type BatchItem = { draft: CommandDraft; envelope: CommandEnvelope; chain: string };

export type BatchItemOutcome =
  /** Decided and appended now. */
  | { outcome: 'WRITTEN' }
  /** Its command id was already handled (an earlier run): nothing appended. */
  | { outcome: 'SKIPPED' }
  /** `reason`: the rule code, the application's reason, or FOLLOWS_REFUSED_ROW; `field`: the input field at fault. */
  | { outcome: 'REFUSED'; reason: string; field: string | null; message: string };

export type BatchOutcome = {
  /** In the order of the items. */
  items: BatchItemOutcome[];
  /** The log position of the batch's last event, null when it appended nothing. */
  position: bigint | null;
};

/**
 * Many commands decided together and appended in one multi-stream append: the bulk write path (issue 16's
 * import). Each command is decided exactly as ExecuteRegistryCommand would decide it alone — the same facts, the
 * same decider, the same event ids and metadata — so a command id handled by either path is recognised by both.
 */
export class ExecuteCommandBatch extends Command<BatchOutcome> {
  constructor(
    readonly items: readonly BatchItem[],
    /** Decide every item, append nothing: what the batch would do now. */
    readonly dryRun = false,
  ) {
    super();
  }
}
