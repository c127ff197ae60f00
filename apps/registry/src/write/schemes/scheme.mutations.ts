import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@registry/domain';
import { CallerActor } from '../../auth';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import { CommandResultObject, toCommandResult } from '../mutation/command-result.object';
import { CommandSender } from '../mutation/command-sender';
import { SendsCommand } from '../mutation/sends-command.decorator';
import { RegisterSchemeInput } from './register-scheme.input';

@Resolver()
export class SchemeMutations {
  constructor(private readonly commands: CommandSender) {}

  @Mutation(() => CommandResultObject)
  @SendsCommand('RegisterScheme')
  async registerScheme(
    @Args('input', RegistryValidationPipe) input: RegisterSchemeInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const { code, title, sector, occupation, qualificationLevel } = input;
    const data = { code, title, sector, occupation, qualificationLevel };
    return toCommandResult(await this.commands.send(caller, input, { type: 'RegisterScheme', data }));
  }
}
