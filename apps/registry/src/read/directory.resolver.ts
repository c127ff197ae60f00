import { CLOCK, type Clock } from '../write/command-pipeline/clock';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import type { CalendarDate } from '@registry/domain';
import { MAX_LIST_SIZE } from '@registry/projections';
import { DateScalar } from '../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { ArrangementObject, toArrangementObject } from './arrangement.object';
import { CertificationBodyObject, toCertificationBodyObject } from './certification-body.object';
import { asOfOrToday, countryArgument, identifierArgument } from './query-arguments';
import { ReadSideHost } from './read-side.host';
import { SchemeObject, toSchemeObject } from './scheme.object';

const AS_OF = { type: () => DateScalar, nullable: true, description: 'The date statuses are given for; default today, UTC.' } as const;

/** The public directories: certification bodies, schemes and arrangements. No holder appears in them. */
@Resolver()
export class DirectoryResolver {
  constructor(
    private readonly host: ReadSideHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => CertificationBodyObject, { nullable: true })
  certificationBody(@Args('id', { type: () => ID }) id: string, @Args('asOf', AS_OF) asOf?: CalendarDate | null): CertificationBodyObject | null {
    const body = this.host.readModels.certificationBody(identifierArgument('id', id));
    return body === null ? null : toCertificationBodyObject(body, asOfOrToday(asOf, this.clock));
  }

  @Query(() => [CertificationBodyObject], { complexity: FIELD_WEIGHTS.certificationBodies, description: `Certification bodies by id, of one country when given; at most ${MAX_LIST_SIZE}.` })
  certificationBodies(
    @Args('country', { type: () => String, nullable: true }) country?: string | null,
    @Args('asOf', AS_OF) asOf?: CalendarDate | null,
  ): CertificationBodyObject[] {
    const on = asOfOrToday(asOf, this.clock);
    const target = country === null || country === undefined ? undefined : countryArgument('country', country);
    return this.host.readModels.certificationBodies(target).map((body) => toCertificationBodyObject(body, on));
  }

  @Query(() => SchemeObject, { nullable: true })
  scheme(@Args('code') code: string): SchemeObject | null {
    const scheme = this.host.readModels.scheme(identifierArgument('code', code));
    return scheme === null ? null : toSchemeObject(scheme);
  }

  @Query(() => [SchemeObject], { complexity: FIELD_WEIGHTS.schemes, description: `Schemes by code; at most ${MAX_LIST_SIZE}.` })
  schemes(): SchemeObject[] {
    return this.host.readModels.schemes().map(toSchemeObject);
  }

  @Query(() => ArrangementObject, { nullable: true })
  arrangement(@Args('id', { type: () => ID }) id: string, @Args('asOf', AS_OF) asOf?: CalendarDate | null): ArrangementObject | null {
    const arrangement = this.host.readModels.arrangement(identifierArgument('id', id));
    return arrangement === null ? null : toArrangementObject(arrangement, asOfOrToday(asOf, this.clock));
  }

  @Query(() => [ArrangementObject], {
    complexity: FIELD_WEIGHTS.arrangements,
    description: `Arrangements by id: with a party of the country and covering the scheme on asOf, when given; at most ${MAX_LIST_SIZE}.`,
  })
  arrangements(
    @Args('country', { type: () => String, nullable: true }) country?: string | null,
    @Args('scheme', { type: () => String, nullable: true }) scheme?: string | null,
    @Args('asOf', AS_OF) asOf?: CalendarDate | null,
  ): ArrangementObject[] {
    const on = asOfOrToday(asOf, this.clock);
    const readModels = this.host.readModels;
    const target = country === null || country === undefined ? undefined : countryArgument('country', country);
    const schemeCode = scheme === null || scheme === undefined ? undefined : identifierArgument('scheme', scheme);
    const bodiesOfCountry = target === undefined ? [] : readModels.certificationBodies(target).map((body) => body.cbId);
    // The indexes hold every party and scheme an arrangement ever had; the filters below judge them on asOf.
    const candidates =
      target !== undefined
        ? readModels.arrangementsWithParty(bodiesOfCountry, MAX_LIST_SIZE)
        : schemeCode !== undefined
          ? readModels.arrangementsCovering(schemeCode)
          : readModels.arrangements();
    const partiesOfCountry = new Set(bodiesOfCountry);
    return candidates
      .map((arrangement) => toArrangementObject(arrangement, on))
      .filter((arrangement) => target === undefined || arrangement.parties.some((cbId) => partiesOfCountry.has(cbId)))
      .filter((arrangement) => schemeCode === undefined || arrangement.schemes.includes(schemeCode));
  }
}
