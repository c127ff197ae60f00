import { Resolver } from '@nestjs/graphql';
import { CommandMutations, command } from '../mutation/command-mutations';
import {
  AccreditCertificationBodyInput,
  ExtendAccreditationScopeInput,
  ReduceAccreditationScopeInput,
  ReinstateAccreditationInput,
  RenewAccreditationInput,
  SuspendAccreditationInput,
  WithdrawAccreditationInput,
} from './accreditation.inputs';

@Resolver()
export class CertificationBodyMutations extends CommandMutations({
  accreditCertificationBody: command('AccreditCertificationBody', AccreditCertificationBodyInput),
  renewAccreditation: command('RenewAccreditation', RenewAccreditationInput),
  extendAccreditationScope: command('ExtendAccreditationScope', ExtendAccreditationScopeInput),
  reduceAccreditationScope: command('ReduceAccreditationScope', ReduceAccreditationScopeInput),
  suspendAccreditation: command('SuspendAccreditation', SuspendAccreditationInput),
  reinstateAccreditation: command('ReinstateAccreditation', ReinstateAccreditationInput),
  withdrawAccreditation: command('WithdrawAccreditation', WithdrawAccreditationInput),
}) {}
