import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@registry/domain';
import { CallerActor } from '../../auth';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import { CommandResultObject, toCommandResult } from '../mutation/command-result.object';
import { CommandSender } from '../mutation/command-sender';
import { SendsCommand } from '../mutation/sends-command.decorator';
import {
  AccreditCertificationBodyInput,
  ExtendAccreditationScopeInput,
  ReduceAccreditationScopeInput,
  ReinstateAccreditationInput,
  RenewAccreditationInput,
  SuspendAccreditationInput,
  WithdrawAccreditationInput,
} from './accreditation.inputs';

@Resolver()
export class CertificationBodyMutations {
  constructor(private readonly commands: CommandSender) {}

  @Mutation(() => CommandResultObject)
  @SendsCommand('AccreditCertificationBody')
  async accreditCertificationBody(
    @Args('input', RegistryValidationPipe) input: AccreditCertificationBodyInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { cbId, name, country, scope, accreditedOn, validUntil } = input;
    const data = { cbId, name, country, scope, accreditedOn, validUntil };
    return toCommandResult(await this.commands.send(caller, input, { type: 'AccreditCertificationBody', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('RenewAccreditation')
  async renewAccreditation(
    @Args('input', RegistryValidationPipe) input: RenewAccreditationInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { cbId, effectiveOn, validUntil } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'RenewAccreditation', data: { cbId, effectiveOn, validUntil } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('ExtendAccreditationScope')
  async extendAccreditationScope(
    @Args('input', RegistryValidationPipe) input: ExtendAccreditationScopeInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { cbId, schemes, effectiveOn } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'ExtendAccreditationScope', data: { cbId, schemes, effectiveOn } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('ReduceAccreditationScope')
  async reduceAccreditationScope(
    @Args('input', RegistryValidationPipe) input: ReduceAccreditationScopeInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { cbId, schemes, effectiveOn } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'ReduceAccreditationScope', data: { cbId, schemes, effectiveOn } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('SuspendAccreditation')
  async suspendAccreditation(
    @Args('input', RegistryValidationPipe) input: SuspendAccreditationInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { cbId, effectiveOn, reason } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'SuspendAccreditation', data: { cbId, effectiveOn, reason } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('ReinstateAccreditation')
  async reinstateAccreditation(
    @Args('input', RegistryValidationPipe) input: ReinstateAccreditationInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { cbId, effectiveOn, reason } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'ReinstateAccreditation', data: { cbId, effectiveOn, reason } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('WithdrawAccreditation')
  async withdrawAccreditation(
    @Args('input', RegistryValidationPipe) input: WithdrawAccreditationInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { cbId, effectiveOn, reason } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'WithdrawAccreditation', data: { cbId, effectiveOn, reason } }));
  }
}
