import { Inject } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { knownAll, knownArrangement, knownCertificationBody, knownScheme, type CalendarDate } from '@registry/domain';
import { MAX_LIST_SIZE } from '@registry/projections';
import { DateScalar } from '../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { ArrangementObject, toArrangementObject } from './arrangement.object';
import { CertificationBodyObject, toCertificationBodyObject } from './certification-body.object';
import { asOfOrToday, countryArgument, identifierArgument } from './query-arguments';
import { ReadSideHost } from './read-side.host';
import { KNOWN_AT } from './record-time/known-at.argument';
import { RecordTime } from './record-time/record-time';
import { SchemeObject, toSchemeObject } from './scheme.object';

const AS_OF = { type: () => DateScalar, nullable: true, description: 'The date statuses are given for; default today, UTC.' } as const;

/** The public directories: certification bodies, schemes and arrangements. No holder appears in them. Every
 * answer can be asked as the registry knew it at `knownAt`. */
@Resolver()
export class DirectoryResolver {
  constructor(
    private readonly host: ReadSideHost,
    private readonly recordTime: RecordTime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => CertificationBodyObject, { nullable: true })
  async certificationBody(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', AS_OF) asOf?: CalendarDate | null,
    @Args('knownAt', KNOWN_AT) knownAt?: string | null,
  ): Promise<CertificationBodyObject | null> {
    const identifier = identifierArgument('id', id);
    const cut = await this.recordTime.cut(knownAt);
    const body = knownCertificationBody(this.host.readModels.certificationBody(identifier), cut.known);
    return body === null ? null : { ...toCertificationBodyObject(body, asOfOrToday(asOf, this.clock)), ...cut.fields };
  }

  @Query(() => [CertificationBodyObject], { complexity: FIELD_WEIGHTS.certificationBodies, description: `Certification bodies by id, of one country when given; at most ${MAX_LIST_SIZE}.` })
  async certificationBodies(
    @Args('country', { type: () => String, nullable: true }) country?: string | null,
    @Args('asOf', AS_OF) asOf?: CalendarDate | null,
    @Args('knownAt', KNOWN_AT) knownAt?: string | null,
  ): Promise<CertificationBodyObject[]> {
    const on = asOfOrToday(asOf, this.clock);
    const target = country === null || country === undefined ? undefined : countryArgument('country', country);
    const cut = await this.recordTime.cut(knownAt);
    return knownAll(this.host.readModels.certificationBodies(target), cut.known, knownCertificationBody).map((body) => ({
      ...toCertificationBodyObject(body, on),
      ...cut.fields,
    }));
  }

  @Query(() => SchemeObject, { nullable: true })
  async scheme(@Args('code') code: string, @Args('knownAt', KNOWN_AT) knownAt?: string | null): Promise<SchemeObject | null> {
    const identifier = identifierArgument('code', code);
    const cut = await this.recordTime.cut(knownAt);
    const scheme = knownScheme(this.host.readModels.scheme(identifier), cut.known);
    return scheme === null ? null : { ...toSchemeObject(scheme), ...cut.fields };
  }

  @Query(() => [SchemeObject], { complexity: FIELD_WEIGHTS.schemes, description: `Schemes by code; at most ${MAX_LIST_SIZE}.` })
  async schemes(@Args('knownAt', KNOWN_AT) knownAt?: string | null): Promise<SchemeObject[]> {
    const cut = await this.recordTime.cut(knownAt);
    return knownAll(this.host.readModels.schemes(), cut.known, knownScheme).map((scheme) => ({ ...toSchemeObject(scheme), ...cut.fields }));
  }

  @Query(() => ArrangementObject, { nullable: true })
  async arrangement(
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', AS_OF) asOf?: CalendarDate | null,
    @Args('knownAt', KNOWN_AT) knownAt?: string | null,
  ): Promise<ArrangementObject | null> {
    const identifier = identifierArgument('id', id);
    const cut = await this.recordTime.cut(knownAt);
    const arrangement = knownArrangement(this.host.readModels.arrangement(identifier), cut.known);
    return arrangement === null ? null : { ...toArrangementObject(arrangement, asOfOrToday(asOf, this.clock)), ...cut.fields };
  }

  @Query(() => [ArrangementObject], {
    complexity: FIELD_WEIGHTS.arrangements,
    description: `Arrangements by id: with a party of the country and covering the scheme on asOf, when given; at most ${MAX_LIST_SIZE}.`,
  })
  async arrangements(
    @Args('country', { type: () => String, nullable: true }) country?: string | null,
    @Args('scheme', { type: () => String, nullable: true }) scheme?: string | null,
    @Args('asOf', AS_OF) asOf?: CalendarDate | null,
    @Args('knownAt', KNOWN_AT) knownAt?: string | null,
  ): Promise<ArrangementObject[]> {
    const on = asOfOrToday(asOf, this.clock);
    const readModels = this.host.readModels;
    const target = country === null || country === undefined ? undefined : countryArgument('country', country);
    const schemeCode = scheme === null || scheme === undefined ? undefined : identifierArgument('scheme', scheme);
    const cut = await this.recordTime.cut(knownAt);
    const bodiesOfCountry = target === undefined ? [] : knownAll(readModels.certificationBodies(target), cut.known, knownCertificationBody).map((body) => body.cbId);
    // The indexes hold every party and scheme an arrangement ever had; the filters below judge them on asOf.
    const candidates =
      target !== undefined
        ? readModels.arrangementsWithParty(bodiesOfCountry, MAX_LIST_SIZE)
        : schemeCode !== undefined
          ? readModels.arrangementsCovering(schemeCode)
          : readModels.arrangements();
    const partiesOfCountry = new Set(bodiesOfCountry);
    return knownAll(candidates, cut.known, knownArrangement)
      .map((arrangement) => ({ ...toArrangementObject(arrangement, on), ...cut.fields }))
      .filter((arrangement) => target === undefined || arrangement.parties.some((cbId) => partiesOfCountry.has(cbId)))
      .filter((arrangement) => schemeCode === undefined || arrangement.schemes.includes(schemeCode));
  }
}
