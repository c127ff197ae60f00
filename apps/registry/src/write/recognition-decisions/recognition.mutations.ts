import { Resolver } from '@nestjs/graphql';
import { CommandMutations, command } from '../mutation/command-mutations';
import { GrantRecognitionInput, RevokeRecognitionInput } from './recognition.inputs';

@Resolver()
export class RecognitionMutations extends CommandMutations({
  grantRecognition: command('GrantRecognition', GrantRecognitionInput),
  revokeRecognition: command('RevokeRecognition', RevokeRecognitionInput),
}) {}
