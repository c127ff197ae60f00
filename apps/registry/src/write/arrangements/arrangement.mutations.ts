import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@registry/domain';
import { CallerActor } from '../../auth';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import { CommandResultObject, toCommandResult } from '../mutation/command-result.object';
import { CommandSender } from '../mutation/command-sender';
import { SendsCommand } from '../mutation/sends-command.decorator';
import {
  AdmitArrangementPartyInput,
  AmendArrangementScopeInput,
  ReinstateArrangementInput,
  SignArrangementInput,
  SuspendArrangementInput,
  TerminateArrangementInput,
  WithdrawArrangementPartyInput,
} from './arrangement.inputs';

@Resolver()
export class ArrangementMutations {
  constructor(private readonly commands: CommandSender) {}

  @Mutation(() => CommandResultObject)
  @SendsCommand('SignArrangement')
  async signArrangement(
    @Args('input', RegistryValidationPipe) input: SignArrangementInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { id, title, parties, schemes, mode, effectiveFrom, expiresOn } = input;
    const data = { id, title, parties, schemes, mode, effectiveFrom, expiresOn };
    return toCommandResult(await this.commands.send(caller, input, { type: 'SignArrangement', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('AdmitArrangementParty')
  async admitArrangementParty(
    @Args('input', RegistryValidationPipe) input: AdmitArrangementPartyInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { id, cbId, effectiveOn } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'AdmitArrangementParty', data: { id, cbId, effectiveOn } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('WithdrawArrangementParty')
  async withdrawArrangementParty(
    @Args('input', RegistryValidationPipe) input: WithdrawArrangementPartyInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { id, cbId, effectiveOn } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'WithdrawArrangementParty', data: { id, cbId, effectiveOn } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('AmendArrangementScope')
  async amendArrangementScope(
    @Args('input', RegistryValidationPipe) input: AmendArrangementScopeInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { id, schemes, effectiveOn } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'AmendArrangementScope', data: { id, schemes, effectiveOn } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('SuspendArrangement')
  async suspendArrangement(
    @Args('input', RegistryValidationPipe) input: SuspendArrangementInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { id, effectiveOn, reason } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'SuspendArrangement', data: { id, effectiveOn, reason } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('ReinstateArrangement')
  async reinstateArrangement(
    @Args('input', RegistryValidationPipe) input: ReinstateArrangementInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { id, effectiveOn, reason } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'ReinstateArrangement', data: { id, effectiveOn, reason } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('TerminateArrangement')
  async terminateArrangement(
    @Args('input', RegistryValidationPipe) input: TerminateArrangementInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { id, effectiveOn, reason } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'TerminateArrangement', data: { id, effectiveOn, reason } }));
  }
}
