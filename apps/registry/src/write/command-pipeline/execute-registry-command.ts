import { Command } from '@nestjs/cqrs';
import type { CommandDraft } from './command-draft';
import type { CommandOutcome } from './command-outcome';

/** How a command travels, besides its content. */
export type CommandEnvelope = {
  /** The idempotency key: the same id again returns the first outcome and appends nothing. */
  commandId: string;
  /** Whether the caller chose `commandId` (and so may send it twice) or the edge generated it. */
  commandIdFromCaller: boolean;
  /** Ties together everything one request or workflow caused; defaults to the command id. */
  correlationId: string;
  /** commandHashOf the command as the caller asked it: the same id with another hash is not a retry. */
  commandHash: string;
  /** What caused the command, when it is not a caller's request: the id of the recorded event a process
   * manager acted on. Defaults to the command id. */
  causationId?: string;
};

/** The one command on the bus: every registry command takes the same path (load, fold, decide, append). */
export class ExecuteRegistryCommand extends Command<CommandOutcome> {
  constructor(
    readonly draft: CommandDraft,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
