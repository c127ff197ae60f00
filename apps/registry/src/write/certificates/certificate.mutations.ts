import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@registry/domain';
import { CallerActor } from '../../auth';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import { CommandResultObject, toCommandResult } from '../mutation/command-result.object';
import { CommandSender } from '../mutation/command-sender';
import { SendsCommand } from '../mutation/sends-command.decorator';
import {
  CancelCertificateInput,
  IssueCertificateInput,
  ReinstateCertificateInput,
  RenewCertificateInput,
  SuspendCertificateInput,
  WithdrawCertificateInput,
} from './certificate.inputs';

@Resolver()
export class CertificateMutations {
  constructor(private readonly commands: CommandSender) {}

  @Mutation(() => CommandResultObject)
  @SendsCommand('IssueCertificate')
  async issueCertificate(
    @Args('input', RegistryValidationPipe) input: IssueCertificateInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { number, cbId, schemeCode, holderName, issuedOn, validUntil } = input;
    const data = { number, cbId, schemeCode, holderName, issuedOn, validUntil };
    return toCommandResult(await this.commands.send(caller, input, { type: 'IssueCertificate', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('RenewCertificate')
  async renewCertificate(
    @Args('input', RegistryValidationPipe) input: RenewCertificateInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { number, effectiveOn, validUntil } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'RenewCertificate', data: { number, effectiveOn, validUntil } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('SuspendCertificate')
  async suspendCertificate(
    @Args('input', RegistryValidationPipe) input: SuspendCertificateInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { number, effectiveOn, reason } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'SuspendCertificate', data: { number, effectiveOn, reason } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('ReinstateCertificate')
  async reinstateCertificate(
    @Args('input', RegistryValidationPipe) input: ReinstateCertificateInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { number, effectiveOn, reason } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'ReinstateCertificate', data: { number, effectiveOn, reason } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('WithdrawCertificate')
  async withdrawCertificate(
    @Args('input', RegistryValidationPipe) input: WithdrawCertificateInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { number, effectiveOn, reason } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'WithdrawCertificate', data: { number, effectiveOn, reason } }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('CancelCertificate')
  async cancelCertificate(
    @Args('input', RegistryValidationPipe) input: CancelCertificateInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { number, effectiveOn, reason } = input;
    return toCommandResult(await this.commands.send(caller, input, { type: 'CancelCertificate', data: { number, effectiveOn, reason } }));
  }
}
