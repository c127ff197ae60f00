import { Inject } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { knownCertificate, knownDecisions, knownRecognizedInInput, lastCertificateRecord, recognizedCountries, type CalendarDate } from '@registry/domain';
import { DateScalar } from '../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { CertificateObject, toCertificateObject } from './certificate.object';
import { CertificationBodyObject, toCertificationBodyObject } from './certification-body.object';
import { directoryLoader } from './directory-loader';
import { SchemeObject, toSchemeObject } from './scheme.object';
import { asOfOrToday, identifierArgument } from './query-arguments';
import { ReadSideHost } from './read-side.host';
import { KNOWN_AT } from './record-time/known-at.argument';
import { LastRecordObject } from './record-time/known-through.object';
import { RecordTime } from './record-time/record-time';

/**
 * A certificate by its exact number, open to callers without a key: it shows what the printed certificate
 * shows. There is deliberately no listing or search of certificates or holders.
 */
@Resolver(() => CertificateObject)
export class CertificateResolver {
  constructor(
    private readonly host: ReadSideHost,
    private readonly recordTime: RecordTime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => CertificateObject, { complexity: FIELD_WEIGHTS.certificate,
    nullable: true,
    description: 'The certificate with exactly this number, on asOf (default: today, UTC), as the registry knew it at knownAt (default: now).',
  })
  async certificate(
    @Args('number') number: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: CalendarDate | null,
    @Args('knownAt', KNOWN_AT) knownAt?: string | null,
  ): Promise<CertificateObject | null> {
    const identifier = identifierArgument('number', number);
    const cut = await this.recordTime.cut(knownAt);
    const timeline = knownCertificate(this.host.readModels.certificate(identifier), cut.known);
    return timeline === null ? null : { ...toCertificateObject(timeline, asOfOrToday(asOf, this.clock)), ...cut.fields, known: cut.known };
  }

  @ResolveField(() => CertificationBodyObject, { nullable: true, description: 'The issuing certification body (its name and country), on asOf.' })
  certificationBody(@Parent() certificate: CertificateObject, @Context() context: object): CertificationBodyObject | null {
    const body = directoryLoader(context, () => this.host.readModels).certificationBody(certificate.timeline.cbId);
    return body === null ? null : toCertificationBodyObject(body, certificate.asOf);
  }

  @ResolveField(() => SchemeObject, { nullable: true, description: "The certificate's scheme (its title)." })
  scheme(@Parent() certificate: CertificateObject, @Context() context: object): SchemeObject | null {
    const scheme = directoryLoader(context, () => this.host.readModels).scheme(certificate.timeline.schemeCode);
    return scheme === null ? null : toSchemeObject(scheme);
  }

  @ResolveField(() => [String], { complexity: FIELD_WEIGHTS.recognizedIn, description: 'The countries where it is recognized on asOf, sorted.' })
  recognizedIn(@Parent() certificate: CertificateObject): string[] {
    const everything = this.host.readModels.recognizedInInput(certificate.timeline);
    const input = certificate.known === undefined ? everything : knownRecognizedInInput(everything, certificate.known);
    return input === null ? [] : recognizedCountries(input, certificate.asOf);
  }

  @ResolveField(() => LastRecordObject, {
    complexity: FIELD_WEIGHTS.lastRecorded,
    description: 'When the registry last recorded anything about this certificate (its own stream or a recognition decision on it), as known at knownAt; whatever asOf.',
  })
  lastRecorded(@Parent() certificate: CertificateObject): LastRecordObject {
    const decisions = this.host.readModels.recognizedInInput(certificate.timeline).decisions;
    const known = certificate.known;
    const ref = lastCertificateRecord(certificate.timeline, known === undefined ? decisions : decisions.map((timeline) => knownDecisions(timeline, known)).filter((timeline) => timeline !== null));
    return { recordedAt: this.recordTime.recordedAt(ref), leafIndex: this.recordTime.leafIndex(ref), type: ref.type };
  }
}
