import { Resolver } from '@nestjs/graphql';
import { CommandMutations, command } from '../mutation/command-mutations';
import {
  CancelCertificateInput,
  IssueCertificateInput,
  ReinstateCertificateInput,
  RenewCertificateInput,
  SuspendCertificateInput,
  WithdrawCertificateInput,
} from './certificate.inputs';

@Resolver()
export class CertificateMutations extends CommandMutations({
  issueCertificate: command('IssueCertificate', IssueCertificateInput),
  renewCertificate: command('RenewCertificate', RenewCertificateInput),
  suspendCertificate: command('SuspendCertificate', SuspendCertificateInput),
  reinstateCertificate: command('ReinstateCertificate', ReinstateCertificateInput),
  withdrawCertificate: command('WithdrawCertificate', WithdrawCertificateInput),
  cancelCertificate: command('CancelCertificate', CancelCertificateInput),
}) {}
