import { Field, InputType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/date.scalar';
import { CommandInput } from '../mutation/command-input';
import { INPUT_LIMITS, IsCalendarDay, IsIdentifier, IsPlainText } from '../mutation/input-rules';

@InputType()
export class IssueCertificateInput extends CommandInput {
  @Field({ description: 'The certificate number, unique in the registry' })
  @IsIdentifier()
  number!: string;

  @Field({ description: 'The issuing CB: the caller\'s own' })
  @IsIdentifier()
  cbId!: string;

  @Field()
  @IsIdentifier()
  schemeCode!: string;

  @Field()
  @IsPlainText()
  holderName!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  issuedOn!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  validUntil!: string;
}

@InputType({ description: 'Recertification: valid from `effectiveOn` until the new `validUntil`.' })
export class RenewCertificateInput extends CommandInput {
  @Field()
  @IsIdentifier()
  number!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  effectiveOn!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  validUntil!: string;
}

@InputType({ isAbstract: true })
abstract class CertificateStatusChangeInput extends CommandInput {
  @Field()
  @IsIdentifier()
  number!: string;

  @Field(() => DateScalar)
  @IsCalendarDay()
  effectiveOn!: string;

  @Field()
  @IsPlainText(INPUT_LIMITS.text)
  reason!: string;
}

@InputType()
export class SuspendCertificateInput extends CertificateStatusChangeInput {}

@InputType()
export class ReinstateCertificateInput extends CertificateStatusChangeInput {}

@InputType()
export class WithdrawCertificateInput extends CertificateStatusChangeInput {}

@InputType({ description: 'Issued in error: the certificate becomes void for every date.' })
export class CancelCertificateInput extends CertificateStatusChangeInput {}
