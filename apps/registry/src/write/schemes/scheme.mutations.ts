import { Resolver } from '@nestjs/graphql';
import { CommandMutations, command } from '../mutation/command-mutations';
import { RegisterSchemeInput } from './register-scheme.input';

@Resolver()
export class SchemeMutations extends CommandMutations({
  registerScheme: command('RegisterScheme', RegisterSchemeInput),
}) {}
