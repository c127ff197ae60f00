import { InputType } from '@nestjs/graphql';
import { CommandInput } from '../mutation/command-input';
import { CalendarDayField, IdentifierField, LongTextField, PlainTextField } from '../mutation/input-fields';

@InputType()
export class IssueCertificateInput extends CommandInput {
  @IdentifierField({ description: 'The certificate number, unique in the registry' })
  number!: string;

  @IdentifierField({ description: 'The issuing CB: the caller\'s own' })
  cbId!: string;

  @IdentifierField()
  schemeCode!: string;

  @PlainTextField()
  holderName!: string;

  @CalendarDayField()
  issuedOn!: string;

  @CalendarDayField()
  validUntil!: string;
}

@InputType({ description: 'Recertification: valid from `effectiveOn` until the new `validUntil`.' })
export class RenewCertificateInput extends CommandInput {
  @IdentifierField()
  number!: string;

  @CalendarDayField()
  effectiveOn!: string;

  @CalendarDayField()
  validUntil!: string;
}

@InputType({ isAbstract: true })
abstract class CertificateStatusChangeInput extends CommandInput {
  @IdentifierField()
  number!: string;

  @CalendarDayField()
  effectiveOn!: string;

  @LongTextField()
  reason!: string;
}

@InputType()
export class SuspendCertificateInput extends CertificateStatusChangeInput {
  @CalendarDayField({
    nullable: true,
    description: 'The end of the suspension: if the certificate is not reinstated by then, it is withdrawn from that date, automatically.',
  })
  until?: string | null;
}

@InputType()
export class ReinstateCertificateInput extends CertificateStatusChangeInput {}

@InputType()
export class WithdrawCertificateInput extends CertificateStatusChangeInput {}

@InputType({ description: 'Issued in error: the certificate becomes void for every date.' })
export class CancelCertificateInput extends CertificateStatusChangeInput {}
