import { Inject } from '@nestjs/common';
import { Args, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { CalendarDate } from '@registry/domain';
import type { Keyed } from '@registry/projections';
import { CLOCK, type Clock } from '../../clock';
import { DateScalar } from '../../graphql/date.scalar';
import { AFTER, Connection, FIRST, IN_PAGES, keysetPage, pageRequest } from '../pagination/connection';
import { asOfOrToday, countryArgument } from '../query-arguments';
import { ReadSideHost } from '../read-side.host';
import { NationalFrameworkObject, toNationalFrameworkObject } from './framework.object';
import { PriorityOccupationObject, toPriorityOccupationObject } from './priority-occupation.object';
import { NationalQualificationObject, toNationalQualificationObject } from './qualification.object';

const AS_OF = { type: () => DateScalar, nullable: true, description: 'The date statuses are given for; default today, UTC.' } as const;
const OPTIONAL_STRING = { type: () => String, nullable: true } as const;
const idOf = <Doc>(row: Keyed<Doc>): string => row.id;

function optionalCountry(country: string | null | undefined): string | undefined {
  return country == null ? undefined : countryArgument('country', country);
}

@ObjectType('NationalFrameworkConnection')
export class NationalFrameworkConnection extends Connection('NationalFramework', NationalFrameworkObject) {}

@ObjectType('NationalQualificationConnection')
export class NationalQualificationConnection extends Connection('NationalQualification', NationalQualificationObject) {}

@ObjectType('PriorityOccupationConnection')
export class PriorityOccupationConnection extends Connection('PriorityOccupation', PriorityOccupationObject) {}

/**
 * The skills lists in pages, beside the plain lists, which stay as they were. Public like them. Their filters are
 * indexed (country), so a page is one keyset read and the total one count in the index.
 */
@Resolver()
export class SkillsConnectionsResolver {
  constructor(
    private readonly host: ReadSideHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => NationalFrameworkConnection, { description: `Every national framework on record, by country, ${IN_PAGES}.` })
  nationalFrameworksConnection(
    @Args('asOf', AS_OF) asOf?: CalendarDate | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
  ): NationalFrameworkConnection {
    const request = pageRequest('nationalFrameworks', first, after);
    const on = asOfOrToday(asOf, this.clock);
    const skills = this.host.running.skills;
    return keysetPage(
      'nationalFrameworks',
      request,
      (afterId, limit) => skills.frameworksPage(afterId, limit),
      idOf,
      (row) => toNationalFrameworkObject(row.doc, on),
      () => skills.frameworkCount(),
    );
  }

  @Query(() => NationalQualificationConnection, { description: `National qualifications by id, of one country when given, ${IN_PAGES}.` })
  nationalQualificationsConnection(
    @Args('country', OPTIONAL_STRING) country?: string | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
  ): NationalQualificationConnection {
    const request = pageRequest('nationalQualifications', first, after);
    const target = optionalCountry(country);
    const skills = this.host.running.skills;
    return keysetPage(
      'nationalQualifications',
      request,
      (afterId, limit) => skills.qualificationsPage(target, afterId, limit),
      idOf,
      (row) => toNationalQualificationObject(row.doc),
      () => skills.qualificationCount(target),
    );
  }

  @Query(() => PriorityOccupationConnection, {
    description: `Priority occupations proposed by governments, with their tripartite validation on asOf; of one country when given; ${IN_PAGES}.`,
  })
  priorityOccupationsConnection(
    @Args('country', OPTIONAL_STRING) country?: string | null,
    @Args('asOf', AS_OF) asOf?: CalendarDate | null,
    @Args('first', FIRST) first?: number | null,
    @Args('after', AFTER) after?: string | null,
  ): PriorityOccupationConnection {
    const request = pageRequest('priorityOccupations', first, after);
    const target = optionalCountry(country);
    const on = asOfOrToday(asOf, this.clock);
    const skills = this.host.running.skills;
    return keysetPage(
      'priorityOccupations',
      request,
      (afterId, limit) => skills.prioritiesPage(target, afterId, limit),
      idOf,
      (row) => toPriorityOccupationObject(row.doc, on),
      () => skills.priorityCount(target),
    );
  }
}
