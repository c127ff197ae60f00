import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@registry/domain';
import { CallerActor } from '../../auth';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import { CommandResultObject, toCommandResult } from '../mutation/command-result.object';
import { CommandSender } from '../mutation/command-sender';
import { SendsCommand } from '../mutation/sends-command.decorator';
import { GrantRecognitionInput, RevokeRecognitionInput } from './recognition.inputs';

@Resolver()
export class RecognitionMutations {
  constructor(private readonly commands: CommandSender) {}

  @Mutation(() => CommandResultObject)
  @SendsCommand('GrantRecognition')
  async grantRecognition(
    @Args('input', RegistryValidationPipe) input: GrantRecognitionInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { certificateNumber, country, arrangementId, decidedOn, conditions } = input;
    const data = { certificateNumber, country, arrangementId, decidedOn, conditions };
    return toCommandResult(await this.commands.send(caller, input, { type: 'GrantRecognition', data }));
  }

  @Mutation(() => CommandResultObject)
  @SendsCommand('RevokeRecognition')
  async revokeRecognition(
    @Args('input', RegistryValidationPipe) input: RevokeRecognitionInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { certificateNumber, country, decidedOn, reason, arrangementId } = input;
    const data = { certificateNumber, country, decidedOn, reason, arrangementId };
    return toCommandResult(await this.commands.send(caller, input, { type: 'RevokeRecognition', data }));
  }
}
