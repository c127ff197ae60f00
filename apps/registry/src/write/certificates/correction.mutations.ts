import { Resolver } from '@nestjs/graphql';
import { CommandMutations, command } from '../mutation/command-mutations';
import { CorrectCertificateInput } from './correction.inputs';

@Resolver()
export class CorrectionMutations extends CommandMutations({
  correctCertificate: command('CorrectCertificate', CorrectCertificateInput),
}) {}
