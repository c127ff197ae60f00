import { Inject } from '@nestjs/common';
import { Args, Field, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import type { Keyed } from '@registry/projections';
import { certificateStatusAt, certificateValidUntilAt, recognizedCountries, type Actor, type CalendarDate, type CertificateStatus, type CertificateTimeline } from '@registry/domain';
import { Authorizer, CallerActor } from '../auth';
import { DateScalar } from '../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { ApplicationError, badUserInput } from '../errors';
import { CLOCK, type Clock } from '../clock';
import { CertificateObject, toCertificateObject } from './certificate.object';
import { Connection, countKept, keysetPage, pageRequest, type KeysetRead } from './pagination/connection';
import { asOfOrToday, countryArgument, identifierArgument } from './query-arguments';
import { CertificateStatusEnum } from './read-enums';
import { ReadSideHost } from './read-side.host';

@InputType('CertificateFilter', { description: 'Every field given must hold (on asOf).' })
export class CertificateFilterInput {
  @Field(() => CertificateStatusEnum, { nullable: true })
  status?: CertificateStatus | null;

  @Field(() => String, { nullable: true })
  schemeCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Recognized in this country (ISO 3166-1 alpha-2) on asOf.' })
  recognizedIn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Its validity in force on asOf ends before this date.' })
  expiringBefore?: string | null;
}

@ObjectType('CertificateConnection')
export class CertificateConnection extends Connection('Certificate', CertificateObject) {}

/**
 * A CB's own certificates, filtered and in pages (by number). Holders are personal data: a CERTIFICATION_BODY key
 * lists its own CB's only; ACCREDITATION_BODY and AUDITOR keys name the CB; nobody else lists certificates.
 */
@Resolver(() => CertificateConnection)
export class CertificateListResolver {
  constructor(
    private readonly host: ReadSideHost,
    private readonly authorizer: Authorizer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => CertificateConnection, {
    complexity: FIELD_WEIGHTS.history,
    description:
      "A certification body's certificates by number, in pages (first ≤ 1000, after: a cursor), on asOf (default: today, UTC). A CERTIFICATION_BODY key: its own; ACCREDITATION_BODY and AUDITOR keys: certificationBodyId's.",
  })
  certificates(
    @CallerActor() actor: Actor | null,
    @Args('filter', { type: () => CertificateFilterInput, nullable: true }) filter?: CertificateFilterInput | null,
    @Args('certificationBodyId', { type: () => String, nullable: true }) certificationBodyId?: string | null,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: CalendarDate | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): CertificateConnection {
    const caller = this.authorizer.requireRole(actor, ['CERTIFICATION_BODY', 'ACCREDITATION_BODY', 'AUDITOR'], 'certificates');
    const named = certificationBodyId == null ? null : identifierArgument('certificationBodyId', certificationBodyId);
    if (caller.role === 'CERTIFICATION_BODY' && named !== null && named !== caller.cbId) {
      throw new ApplicationError('FORBIDDEN', 'A CERTIFICATION_BODY key lists its own certificates only', { role: caller.role });
    }
    const cbId = caller.role === 'CERTIFICATION_BODY' ? (caller.cbId ?? '') : named;
    if (cbId === null) throw badUserInput([{ path: 'certificationBodyId', message: 'name the certification body' }]);
    const on = asOfOrToday(asOf, this.clock);
    const country = filter?.recognizedIn == null ? null : countryArgument('filter.recognizedIn', filter.recognizedIn);
    const request = pageRequest('certificates', first, after);
    const models = this.host.readModels;
    const matches = (timeline: CertificateTimeline): boolean => {
      if (filter?.schemeCode != null && timeline.schemeCode !== filter.schemeCode) return false;
      if (filter?.status != null && certificateStatusAt(timeline, on) !== filter.status) return false;
      if (filter?.expiringBefore != null) {
        const end = certificateValidUntilAt(timeline, on);
        if (end === null || end >= filter.expiringBefore) return false;
      }
      // Last: the rule for every country is the costly filter.
      return country === null || recognizedCountries(models.recognizedInInput(timeline), on).includes(country);
    };
    const filtered = filter != null && Object.values(filter).some((value) => value != null);
    const read: KeysetRead<Keyed<CertificateTimeline>> = (afterId, limit) => models.certificatesOfPage(cbId, afterId, limit);
    const idOf = (row: Keyed<CertificateTimeline>) => row.id;
    return keysetPage(
      'certificates',
      request,
      read,
      idOf,
      (row) => (matches(row.doc) ? toCertificateObject(row.doc, on) : null),
      () => (filtered ? countKept(read, idOf, (row) => matches(row.doc)) : models.certificateCountOf(cbId)),
    );
  }
}
