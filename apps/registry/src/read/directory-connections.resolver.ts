import { Inject } from '@nestjs/common';
import { Args, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
  knownArrangement,
  knownCertificationBody,
  knownScheme,
  type ArrangementTimeline,
  type CalendarDate,
  type CertificationBodyTimeline,
  type SchemeTimeline,
} from '@registry/domain';
import type { Keyed } from '@registry/projections';
import { CLOCK, type Clock } from '../clock';
import { DateScalar } from '../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { ArrangementObject, toArrangementObject } from './arrangement.object';
import { CertificationBodyObject, toCertificationBodyObject } from './certification-body.object';
import { AFTER, Connection, countKept, FIRST, IN_PAGES, keysetPage, pageRequest, type KeysetRead } from './pagination/connection';
import { asOfOrToday, countryArgument, identifierArgument } from './query-arguments';
import { ReadSideHost } from './read-side.host';
import { KNOWN_AT } from './record-time/known-at.argument';
import { RecordTime } from './record-time/record-time';
import { SchemeObject, toSchemeObject } from './scheme.object';

const AS_OF = { type: () => DateScalar, nullable: true, description: 'The date statuses are given for; default today, UTC.' } as const;
const OPTIONAL_STRING = { type: () => String, nullable: true } as const;
const idOf = <Doc>(row: Keyed<Doc>): string => row.id;

@ObjectType('CertificationBodyConnection')
export class CertificationBodyConnection extends Connection('CertificationBody', CertificationBodyObject) {}

@ObjectType('SchemeConnection')
export class SchemeConnection extends Connection('Scheme', SchemeObject) {}

@ObjectType('ArrangementConnection')
export class ArrangementConnection extends Connection('Arrangement', ArrangementObject) {}

/**
 * The public directories in pages, beside the plain lists (`certificationBodies`, `schemes`, `arrangements`), which
 * stay as they were. Each page is one keyset read of the read model; filters the indexes cannot answer (a date,
 * record time) pass documents by, and then only `totalCount` walks the whole list.
 */
@Resolver()
export class DirectoryConnectionsResolver {
  constructor(
    private readonly host: ReadSideHost,
    private readonly recordTime: RecordTime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => CertificationBodyConnection, {
    complexity: FIELD_WEIGHTS.certificationBodies,
    description: `Certification bodies by id, of one country when given, ${IN_PAGES}.`,
  })
  async certificationBodiesConnection(
    @Args('country', OPTIONAL_STRING) country?: string | null,
    @Args('asOf', AS_OF) asOf?: CalendarDate | null,
    @Args('knownAt', KNOWN_AT) knownAt?: string | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
  ): Promise<CertificationBodyConnection> {
    const request = pageRequest('certificationBodies', first, after);
    const on = asOfOrToday(asOf, this.clock);
    const target = country == null ? undefined : countryArgument('country', country);
    const cut = await this.recordTime.cut(knownAt);
    const models = this.host.readModels;
    const read: KeysetRead<Keyed<CertificationBodyTimeline>> = (afterId, limit) => models.certificationBodiesPage(target, afterId, limit);
    const known = (row: Keyed<CertificationBodyTimeline>) => knownCertificationBody(row.doc, cut.known);
    return keysetPage(
      'certificationBodies',
      request,
      read,
      idOf,
      (row) => {
        const body = known(row);
        return body === null ? null : { ...toCertificationBodyObject(body, on), ...cut.fields };
      },
      () => (knownAt == null ? models.certificationBodyCount(target) : countKept(read, idOf, (row) => known(row) !== null)),
    );
  }

  @Query(() => SchemeConnection, { complexity: FIELD_WEIGHTS.schemes, description: `Schemes by code, ${IN_PAGES}.` })
  async schemesConnection(
    @Args('knownAt', KNOWN_AT) knownAt?: string | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
  ): Promise<SchemeConnection> {
    const request = pageRequest('schemes', first, after);
    const cut = await this.recordTime.cut(knownAt);
    const models = this.host.readModels;
    const read: KeysetRead<Keyed<SchemeTimeline>> = (afterId, limit) => models.schemesPage(afterId, limit);
    const known = (row: Keyed<SchemeTimeline>) => knownScheme(row.doc, cut.known);
    return keysetPage(
      'schemes',
      request,
      read,
      idOf,
      (row) => {
        const scheme = known(row);
        return scheme === null ? null : { ...toSchemeObject(scheme), ...cut.fields };
      },
      () => (knownAt == null ? models.schemeCount() : countKept(read, idOf, (row) => known(row) !== null)),
    );
  }

  @Query(() => ArrangementConnection, {
    complexity: FIELD_WEIGHTS.arrangements,
    description: `Arrangements by id: with a party of the country and covering the scheme on asOf, when given, ${IN_PAGES}.`,
  })
  async arrangementsConnection(
    @Args('country', OPTIONAL_STRING) country?: string | null,
    @Args('scheme', OPTIONAL_STRING) scheme?: string | null,
    @Args('asOf', AS_OF) asOf?: CalendarDate | null,
    @Args('knownAt', KNOWN_AT) knownAt?: string | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
  ): Promise<ArrangementConnection> {
    const request = pageRequest('arrangements', first, after);
    const on = asOfOrToday(asOf, this.clock);
    const target = country == null ? undefined : countryArgument('country', country);
    const schemeCode = scheme == null ? undefined : identifierArgument('scheme', scheme);
    const cut = await this.recordTime.cut(knownAt);
    const models = this.host.readModels;
    // The parties of a country as known then: a country has a few CBs, read once.
    const partiesOfCountry =
      target === undefined
        ? null
        : new Set(models.certificationBodies(target).filter((body) => knownCertificationBody(body, cut.known) !== null).map((body) => body.cbId));
    // The scheme index holds every scheme an arrangement ever covered; the filter judges it on asOf.
    const read: KeysetRead<Keyed<ArrangementTimeline>> = (afterId, limit) => models.arrangementsPage(schemeCode, afterId, limit);
    const select = (row: Keyed<ArrangementTimeline>): ArrangementObject | null => {
      const arrangement = knownArrangement(row.doc, cut.known);
      if (arrangement === null) return null;
      const node = { ...toArrangementObject(arrangement, on), ...cut.fields };
      if (partiesOfCountry !== null && !node.parties.some((cbId) => partiesOfCountry.has(cbId))) return null;
      if (schemeCode !== undefined && !node.schemes.includes(schemeCode)) return null;
      return node;
    };
    const filtered = knownAt != null || target !== undefined || schemeCode !== undefined;
    return keysetPage('arrangements', request, read, idOf, select, () =>
      filtered ? countKept(read, idOf, (row) => select(row) !== null) : models.arrangementCount(undefined),
    );
  }
}
