import { Resolver } from '@nestjs/graphql';
import { CommandMutations, command } from '../mutation/command-mutations';
import { ApplyForRecognitionInput, RefuseRecognitionInput } from './application.inputs';

@Resolver()
export class ApplicationMutations extends CommandMutations({
  applyForRecognition: command('ApplyForRecognition', ApplyForRecognitionInput),
  refuseRecognition: command('RefuseRecognition', RefuseRecognitionInput),
}) {}
