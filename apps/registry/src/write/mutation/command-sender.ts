import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Actor } from '@registry/domain';
import { randomUUID } from 'node:crypto';
import type { TransparencyLog } from '@registry/tlog';
import { ApplicationError } from '../../errors';
import { READ_MODEL_PROGRESS, type ReadModelProgress } from '../../read/read-model-progress';
import { TRANSPARENCY_LOG } from '../../transparency/transparency-log.token';
import { commandHashOf, ExecuteRegistryCommand, type CommandDraft, type CommandOutcome } from '../command-pipeline';
import type { CommandInput } from './command-input';

type WithoutActor<Draft> = Draft extends unknown ? Omit<Draft, 'actor'> : never;

/** A command as a resolver states it: its type and data; the actor comes from the caller's key. */
export type CommandRequest = WithoutActor<CommandDraft>;

/** The command id, and what the caller asked with it (its input without the id) for commandHashOf. */
export type CommandIdentity = { commandId: string; commandIdFromCaller: boolean; asked: Record<string, unknown> };

export function identityOf(input: CommandInput): CommandIdentity {
  const { commandId, ...asked } = input;
  return commandId ? { commandId, commandIdFromCaller: true, asked } : { commandId: randomUUID(), commandIdFromCaller: false, asked };
}

/**
 * What every mutation resolver does, in one place: send the caller's command down the CommandBus, and wait until
 * the read models and the log's tree show it (read-your-writes) before answering.
 */
@Injectable()
export class CommandSender {
  constructor(
    private readonly bus: CommandBus,
    // Provided by the read side; without it (a write-only context) there is nothing to wait for.
    @Optional() @Inject(READ_MODEL_PROGRESS) private readonly progress: ReadModelProgress | null,
    // So that the EventRefs of the answer carry their leafIndex.
    @Optional() @Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog | null,
  ) {}

  send(caller: Actor | null, input: CommandInput, request: CommandRequest): Promise<CommandOutcome> {
    return this.sendAs(caller, identityOf(input), request);
  }

  async sendAs(caller: Actor | null, identity: CommandIdentity, request: CommandRequest): Promise<CommandOutcome> {
    // The role was checked at the edge (CommandAuthorizationGuard, before the input is read) and is checked again
    // by the decider; here only the caller's identity is needed.
    if (caller === null) throw new ApplicationError('UNAUTHENTICATED', `An API key is required to ${request.type}`);
    const actor = caller;
    const draft: CommandDraft = { ...request, actor };
    this.progress?.assertCanFollow();
    const { commandId, commandIdFromCaller, asked } = identity;
    const envelope = { commandId, commandIdFromCaller, correlationId: commandId, commandHash: commandHashOf(request.type, actor.keyId, asked) };
    const outcome = await this.bus.execute(new ExecuteRegistryCommand(draft, envelope));
    await Promise.all([this.progress?.waitFor(outcome.position), this.log?.waitFor(outcome.position)]);
    return outcome;
  }
}
