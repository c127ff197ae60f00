import { CLOCK, type Clock } from '../write/command-pipeline/clock';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { recognizedCountries, type CalendarDate } from '@registry/domain';
import { DateScalar } from '../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { CertificateObject, toCertificateObject } from './certificate.object';
import { asOfOrToday, identifierArgument } from './query-arguments';
import { ReadSideHost } from './read-side.host';

/**
 * A certificate by its exact number, open to callers without a key: it shows what the printed certificate
 * shows. There is deliberately no listing or search of certificates or holders.
 */
@Resolver(() => CertificateObject)
export class CertificateResolver {
  constructor(
    private readonly host: ReadSideHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => CertificateObject, { nullable: true, complexity: FIELD_WEIGHTS.certificate, description: 'The certificate with exactly this number, on asOf (default: today, UTC).' })
  certificate(
    @Args('number') number: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: CalendarDate | null,
  ): CertificateObject | null {
    const timeline = this.host.readModels.certificate(identifierArgument('number', number));
    return timeline === null ? null : toCertificateObject(timeline, asOfOrToday(asOf, this.clock));
  }

  @ResolveField(() => [String], { complexity: FIELD_WEIGHTS.recognizedIn, description: 'The countries where it is recognized on asOf, sorted.' })
  recognizedIn(@Parent() certificate: CertificateObject): string[] {
    const input = this.host.readModels.recognizedInInput(certificate.timeline);
    return recognizedCountries(input, certificate.asOf);
  }
}
