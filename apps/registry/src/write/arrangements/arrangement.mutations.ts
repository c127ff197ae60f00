import { Resolver } from '@nestjs/graphql';
import { CommandMutations, command } from '../mutation/command-mutations';
import {
  AdmitArrangementPartyInput,
  AmendArrangementScopeInput,
  ReinstateArrangementInput,
  SignArrangementInput,
  SuspendArrangementInput,
  TerminateArrangementInput,
  WithdrawArrangementPartyInput,
} from './arrangement.inputs';

@Resolver()
export class ArrangementMutations extends CommandMutations({
  signArrangement: command('SignArrangement', SignArrangementInput),
  admitArrangementParty: command('AdmitArrangementParty', AdmitArrangementPartyInput),
  withdrawArrangementParty: command('WithdrawArrangementParty', WithdrawArrangementPartyInput),
  amendArrangementScope: command('AmendArrangementScope', AmendArrangementScopeInput),
  suspendArrangement: command('SuspendArrangement', SuspendArrangementInput),
  reinstateArrangement: command('ReinstateArrangement', ReinstateArrangementInput),
  terminateArrangement: command('TerminateArrangement', TerminateArrangementInput),
}) {}
