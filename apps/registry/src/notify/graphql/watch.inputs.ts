import { Field, InputType } from '@nestjs/graphql';
import { WATCH_CERTIFICATES_MAX, WEBHOOK_URL_MAX_LENGTH } from '@registry/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, Matches, ValidateNested } from 'class-validator';
import { CommandInput } from '../../write/mutation/command-input';
import { CountryField, IdentifierField } from '../../write/mutation/input-fields';
import { IsOptional, IsPlainText } from '../../write/mutation/input-rules';

@InputType({ description: 'One question a watch follows: is this certificate recognized in this country?' })
export class WatchedCertificateInput {
  @IdentifierField()
  certificateNumber!: string;

  @CountryField()
  country!: string;
}

@InputType({ description: "An action plan a watch follows: its items falling overdue (ActionPlanItemOverdue) and then done (ActionPlanItemOverdueCleared)." })
export class WatchedActionPlanInput {
  @CountryField({ nullable: true, description: "The country whose plan is watched (an ASEAN member state); null or left out: every plan in the region." })
  country?: string | null;
}

@InputType({
  description:
    'A watch with a webhook: give exactly one of `certificates` (exact certificate-country questions; EMPLOYER or CERTIFICATION_BODY), `certificationBodyId` (all your own certificates; your CB only), `arrangementId` (your own certificates under that arrangement; CERTIFICATION_BODY only) or `actionPlan` (overdue items of a country\'s action plan or the region\'s; SKILLS_FOCAL_POINT for its own country or the region, ACCREDITATION_BODY or EMPLOYER for any).',
})
export class CreateWatchInput extends CommandInput {
  @IdentifierField({ nullable: true, description: 'Your id for the watch; default: the commandId, or a new UUID.' })
  watchId?: string | null;

  @Field(() => [WatchedCertificateInput], { nullable: true, description: `At most ${WATCH_CERTIFICATES_MAX}.` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WATCH_CERTIFICATES_MAX)
  @ValidateNested({ each: true })
  @Type(() => WatchedCertificateInput)
  certificates?: WatchedCertificateInput[] | null;

  @IdentifierField({ nullable: true })
  certificationBodyId?: string | null;

  @IdentifierField({ nullable: true })
  arrangementId?: string | null;

  @Field(() => WatchedActionPlanInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => WatchedActionPlanInput)
  actionPlan?: WatchedActionPlanInput | null;

  @Field({ description: 'Where deliveries are POSTed: http(s), a public address (not the registry\'s own network).' })
  @IsPlainText(WEBHOOK_URL_MAX_LENGTH)
  @Matches(/^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i, { message: 'url must be an http or https URL without user name or password' })
  url!: string;
}

@InputType({ description: 'A new signing secret for one of your watches.' })
export class RotateWatchSecretInput extends CommandInput {
  @IdentifierField()
  watchId!: string;
}

@InputType({ description: 'One of your watches, to delete.' })
export class DeleteWatchInput extends CommandInput {
  @IdentifierField()
  watchId!: string;
}
