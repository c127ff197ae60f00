import { Resolver } from '@nestjs/graphql';
import { CommandMutations, command } from '../mutation/command-mutations';
import { DeclareCertificateNumberPrefixInput } from './number-prefix.inputs';

/** The accreditation body reserves certificate-number prefixes to CBs; who may send it is in its declaration.ts. */
@Resolver()
export class NumberPrefixMutations extends CommandMutations({
  declareCertificateNumberPrefix: command('DeclareCertificateNumberPrefix', DeclareCertificateNumberPrefixInput),
}) {}
