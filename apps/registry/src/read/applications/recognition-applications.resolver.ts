import { Inject } from '@nestjs/common';
import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { everParties, type Actor, type CalendarDate } from '@registry/domain';
import { Authorizer, CallerActor } from '../../auth';
import { DateScalar } from '../../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../../graphql/query-limits';
import { ApplicationError, badUserInput } from '../../errors';
import { CLOCK, type Clock } from '../../clock';
import { paginate } from '../pagination/connection';
import { asOfOrToday, countryArgument } from '../query-arguments';
import { ReadSideHost } from '../read-side.host';
import {
  ApplicationStatusEnum,
  RecognitionApplicationConnection,
  toApplicationObject,
  type ApplicationStatus,
  type RecognitionApplicationObject,
} from './recognition-application.object';

/** More pairs than any host country's queue holds; past it the list would be cut, and totalCount says so. */
const QUEUE_READ_LIMIT = 100_000;

/**
 * The host country's queue of applications for recognition. A CERTIFICATION_BODY key sees the applications to
 * its own country under the arrangements its CB is (or was) party to — the ones it may decide; ACCREDITATION_BODY
 * and AUDITOR keys name the country. Notes may say things about the holder: never public.
 */
@Resolver(() => RecognitionApplicationConnection)
export class RecognitionApplicationsResolver {
  constructor(
    private readonly host: ReadSideHost,
    private readonly authorizer: Authorizer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => RecognitionApplicationConnection, {
    complexity: FIELD_WEIGHTS.history,
    description:
      'Applications for recognition in a country, by application id, in pages (first ≤ 1000, after: a cursor). A CERTIFICATION_BODY key: its own country, under the arrangements its CB is party to (country may be omitted); ACCREDITATION_BODY and AUDITOR keys: the country named.',
  })
  recognitionApplications(
    @CallerActor() actor: Actor | null,
    @Args('status', { type: () => ApplicationStatusEnum, nullable: true }) status?: ApplicationStatus | null,
    @Args('country', { type: () => String, nullable: true }) country?: string | null,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: 'The date `overdue` is given for (default: today, UTC).' })
    asOf?: CalendarDate | null,
    @Args('first', { type: () => Int, nullable: true }) first?: number | null,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): RecognitionApplicationConnection {
    const caller = this.authorizer.requireRole(actor, ['CERTIFICATION_BODY', 'ACCREDITATION_BODY', 'AUDITOR'], 'recognitionApplications');
    const models = this.host.readModels;
    const own = caller.role === 'CERTIFICATION_BODY' ? models.certificationBody(caller.cbId ?? '') : null;
    if (caller.role === 'CERTIFICATION_BODY' && own === null) {
      throw new ApplicationError('FORBIDDEN', 'This CERTIFICATION_BODY key is bound to no certification body on record');
    }
    const named = country == null ? null : countryArgument('country', country);
    if (own !== null && named !== null && named !== own.country) {
      throw new ApplicationError('FORBIDDEN', `A certification body of ${own.country} sees the applications to its own country only`);
    }
    const target = named ?? own?.country ?? null;
    if (target === null) throw badUserInput([{ path: 'country', message: 'name the host country' }]);
    const on = asOfOrToday(asOf, this.clock);
    const applications: RecognitionApplicationObject[] = [];
    for (const pair of models.applicationsIn(target, status === 'PENDING', QUEUE_READ_LIMIT)) {
      for (const application of pair.applications ?? []) {
        const arrangement = models.arrangement(application.arrangementId);
        if (own !== null && (arrangement === null || !everParties(arrangement).includes(own.cbId))) continue;
        const node = toApplicationObject(application, pair, arrangement, on);
        if (status == null || node.status === status) applications.push(node);
      }
    }
    applications.sort((a, b) => (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0));
    return paginate('recognitionApplications', applications, (node) => node.applicationId, (node) => node, first, after);
  }
}
