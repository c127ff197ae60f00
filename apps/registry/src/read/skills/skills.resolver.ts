import { Inject } from '@nestjs/common';
import { CLOCK, type Clock } from '../../clock';
import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { evaluateComparability, monitorActionPlan, monitorRegion, type CalendarDate } from '@registry/domain';
import { MAX_LIST_SIZE } from '@registry/projections';
import { DateScalar } from '../../graphql/date.scalar';
import { badUserInput } from '../../errors';
import { asOfOrToday, countryArgument, identifierArgument } from '../query-arguments';
import { ReadSideHost } from '../read-side.host';
import { RecognitionObject } from '../recognition.object';
import { ComparabilityObject, toComparabilityObject } from './comparability.object';
import { NationalFrameworkObject, toNationalFrameworkObject } from './framework.object';
import { ActionPlanMonitoringObject, RegionMonitoringObject, toActionPlanMonitoringObject, toRegionMonitoringObject } from './monitoring.object';
import { PriorityOccupationObject, toPriorityOccupationObject } from './priority-occupation.object';
import {
  NationalQualificationObject,
  SchemeLinkObject,
  toNationalQualificationObject,
  toSchemeLinkObject,
} from './qualification.object';

const AS_OF = { type: () => DateScalar, nullable: true, description: 'The date statuses are given for; default today, UTC.' } as const;
const OPTIONAL_STRING = { type: () => String, nullable: true } as const;

function optionalCountry(country: string | null | undefined): string | undefined {
  return country === null || country === undefined ? undefined : countryArgument('country', country);
}

/**
 * The mutual-recognition-of-skills queries. Public, like the directories: frameworks, qualifications,
 * priorities and action plans are what governments publish, and no holder appears in them.
 */
@Resolver()
export class SkillsResolver {
  constructor(
    private readonly host: ReadSideHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => NationalFrameworkObject, { nullable: true, description: "A member state's framework and its AQRF referencing on asOf, with the history." })
  nationalFramework(@Args('country') country: string, @Args('asOf', AS_OF) asOf?: CalendarDate | null): NationalFrameworkObject | null {
    const framework = this.host.running.skills.framework(countryArgument('country', country));
    return framework === null ? null : toNationalFrameworkObject(framework, asOfOrToday(asOf, this.clock));
  }

  @Query(() => [NationalFrameworkObject], { description: 'Every national framework on record, by country.' })
  nationalFrameworks(@Args('asOf', AS_OF) asOf?: CalendarDate | null): NationalFrameworkObject[] {
    const on = asOfOrToday(asOf, this.clock);
    return this.host.running.skills.frameworks().map((framework) => toNationalFrameworkObject(framework, on));
  }

  @Query(() => NationalQualificationObject, { nullable: true })
  nationalQualification(@Args('id') id: string): NationalQualificationObject | null {
    const qualification = this.host.running.skills.qualification(identifierArgument('id', id));
    return qualification === null ? null : toNationalQualificationObject(qualification);
  }

  @Query(() => [NationalQualificationObject], { description: `National qualifications by id, of one country when given; at most ${MAX_LIST_SIZE}.` })
  nationalQualifications(@Args('country', OPTIONAL_STRING) country?: string | null): NationalQualificationObject[] {
    return this.host.running.skills.qualifications(optionalCountry(country)).map(toNationalQualificationObject);
  }

  @Query(() => SchemeLinkObject, { nullable: true, description: 'Where a scheme sits: its national qualification or AQRF level on asOf, and every link.' })
  schemeLink(@Args('schemeCode') schemeCode: string, @Args('asOf', AS_OF) asOf?: CalendarDate | null): SchemeLinkObject | null {
    const link = this.host.running.skills.schemeLink(identifierArgument('schemeCode', schemeCode));
    return link === null ? null : toSchemeLinkObject(link, asOfOrToday(asOf, this.clock));
  }

  @Query(() => [PriorityOccupationObject], {
    description: `Priority occupations proposed by governments, with their tripartite validation on asOf; of one country when given; at most ${MAX_LIST_SIZE}.`,
  })
  priorityOccupations(@Args('country', OPTIONAL_STRING) country?: string | null, @Args('asOf', AS_OF) asOf?: CalendarDate | null): PriorityOccupationObject[] {
    const on = asOfOrToday(asOf, this.clock);
    return this.host.running.skills.priorities(optionalCountry(country)).map((priority) => toPriorityOccupationObject(priority, on));
  }

  @Query(() => ComparabilityObject, {
    description:
      'Comparability, NOT recognition: at which level of the host country\u2019s framework a national qualification (or a certificate, through its scheme\u2019s link) sits on asOf, and why. Give qualificationId or certificateNumber.',
  })
  comparability(
    @Args('country') country: string,
    @Args('qualificationId', OPTIONAL_STRING) qualificationId?: string | null,
    @Args('certificateNumber', OPTIONAL_STRING) certificateNumber?: string | null,
    @Args('asOf', AS_OF) asOf?: CalendarDate | null,
  ): ComparabilityObject {
    const host = countryArgument('country', country);
    const given = [qualificationId, certificateNumber].filter((value) => value !== null && value !== undefined);
    if (given.length !== 1) {
      throw badUserInput([{ path: 'qualificationId', message: 'give exactly one of qualificationId and certificateNumber' }]);
    }
    const ask =
      qualificationId !== null && qualificationId !== undefined
        ? { qualificationId: identifierArgument('qualificationId', qualificationId) }
        : { certificateNumber: identifierArgument('certificateNumber', certificateNumber ?? '') };
    const input = this.host.running.skills.comparabilityInput(ask, host);
    return toComparabilityObject(evaluateComparability(input, host, asOfOrToday(asOf, this.clock)));
  }

  @Query(() => ActionPlanMonitoringObject, { nullable: true, description: "A country's action plan on asOf: each item done, on track or overdue." })
  actionPlan(@Args('country') country: string, @Args('asOf', AS_OF) asOf?: CalendarDate | null): ActionPlanMonitoringObject | null {
    const plan = this.host.running.skills.actionPlan(countryArgument('country', country));
    return plan === null ? null : toActionPlanMonitoringObject(monitorActionPlan(plan, asOfOrToday(asOf, this.clock)));
  }

  @Query(() => RegionMonitoringObject, { description: 'The region\u2019s monitoring on asOf: every action plan and the totals.' })
  actionPlanMonitoring(@Args('asOf', AS_OF) asOf?: CalendarDate | null): RegionMonitoringObject {
    return toRegionMonitoringObject(monitorRegion(this.host.running.skills.actionPlans(), asOfOrToday(asOf, this.clock)));
  }
}

/** The recognition answer shows comparability alongside, labelled as such, where the certificate's scheme is linked. */
@Resolver(() => RecognitionObject)
export class RecognitionComparabilityResolver {
  constructor(
    private readonly host: ReadSideHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ResolveField(() => ComparabilityObject, {
    nullable: true,
    description: 'Comparability (not recognition) of the certificate in the country on asOf; null when its scheme is linked to no qualification or AQRF level.',
  })
  comparability(@Parent() recognition: RecognitionObject): ComparabilityObject | null {
    const { certificateNumber, country, asOf } = recognition;
    const input = this.host.running.skills.comparabilityInput({ certificateNumber }, country);
    const answer = evaluateComparability(input, country, asOf);
    const unlinked = answer.reasons.some((reason) => reason.code === 'CERTIFICATE_NOT_FOUND' || reason.code === 'SCHEME_NOT_LINKED');
    return unlinked ? null : toComparabilityObject(answer);
  }
}
