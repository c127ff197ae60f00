import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@registry/domain';
import { COSIGNATURE_V1, parseVerifierKey } from '@registry/tlog';
import { CallerActor } from '../../auth';
import { badUserInput } from '../../errors';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import { CommandResultObject, toCommandResult } from '../mutation/command-result.object';
import { CommandSender } from '../mutation/command-sender';
import { SendsCommand } from '../mutation/sends-command.decorator';
import { RegisterWitnessInput } from './register-witness.input';

/** Hand-written, as createApiKey is: the command's data is derived from the input (the witness's name is its key's). */
@Resolver()
export class WitnessMutations {
  constructor(private readonly commands: CommandSender) {}

  @Mutation(() => CommandResultObject, { description: 'Lets a witness co-sign the checkpoints: its cosignatures are then accepted. ACCREDITATION_BODY keys.' })
  @SendsCommand('RegisterWitness')
  async registerWitness(
    @Args('input', RegistryValidationPipe) input: RegisterWitnessInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CommandResultObject> {
    const name = witnessName(input.verifierKey);
    return toCommandResult(await this.commands.send(caller, input, { type: 'RegisterWitness', data: { name, verifierKey: input.verifierKey } }));
  }
}

/** The key's name, once its key id is checked against it and it is a cosignature (0x04) key. */
function witnessName(verifierKey: string): string {
  try {
    const key = parseVerifierKey(verifierKey);
    if (key.type !== COSIGNATURE_V1) throw new Error('a witness key has signature type 0x04 (c2sp.org/tlog-cosignature)');
    return key.name;
  } catch (error) {
    throw badUserInput([{ path: 'input.verifierKey', message: (error as Error).message }]);
  }
}
