import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '@registry/domain';
import { CallerActor, KEY_HASHING, type KeyHashing } from '../../auth';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import { CommandMutations, command } from '../mutation/command-mutations';
import { toCommandResult } from '../mutation/command-result.object';
import { CommandSender, identityOf } from '../mutation/command-sender';
import { SendsCommand } from '../mutation/sends-command.decorator';
import { CreateApiKeyResultObject } from './api-key-created.object';
import { CreateApiKeyInput, RevokeApiKeyInput } from './api-key.inputs';
import { newApiKeyFor } from './new-api-key';

/** createApiKey mints the key the command records only the hash of, so it is written out by hand. */
@Resolver()
export class ApiKeyMutations extends CommandMutations({
  revokeApiKey: command('RevokeApiKey', RevokeApiKeyInput),
}) {
  constructor(
    commands: CommandSender,
    @Inject(KEY_HASHING) private readonly hashing: KeyHashing,
  ) {
    super(commands);
  }

  @Mutation(() => CreateApiKeyResultObject)
  @SendsCommand('CreateApiKey')
  async createApiKey(
    @Args('input', RegistryValidationPipe) input: CreateApiKeyInput,
    @CallerActor() caller: Actor | null,
  ): Promise<CreateApiKeyResultObject> {
    const identity = identityOf(input);
    const { keyId, secret, keyHash } = newApiKeyFor(identity.commandId, this.hashing);
    const { role, cbId, country, label } = input;
    const outcome = await this.commands.sendAs(caller, identity, { type: 'CreateApiKey', data: { keyId, role, cbId, country, label, keyHash } });
    // A replay recorded another secret's hash; this one would not work, and the first was shown once already.
    return { ...toCommandResult(outcome), keyId, key: outcome.replayed ? null : secret };
  }
}
