import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ActionItemKind, ItemStatus, MonitoredItem, PlanMonitoring, ProgressState, RegionMonitoring, StatusCounts } from '@registry/domain';
import { DateScalar } from '../../graphql/date.scalar';
import { EventRefObject } from '../../graphql/event-ref.object';
import { ActionItemKindEnum, ItemStatusEnum, ProgressStateEnum } from '../../write/skills/skills-enums';

@ObjectType('StatusCounts')
export class StatusCountsObject {
  @Field(() => Int)
  done!: number;

  @Field(() => Int)
  onTrack!: number;

  @Field(() => Int)
  overdue!: number;
}

@ObjectType('ProgressReport')
export class ProgressReportObject {
  @Field(() => ProgressStateEnum)
  progress!: ProgressState;

  @Field()
  note!: string;

  @Field(() => DateScalar)
  reportedOn!: string;

  @Field(() => EventRefObject)
  ref!: EventRefObject;
}

@ObjectType('ActionPlanItem', { description: 'An item of an action plan and its status on asOf, computed on dates.' })
export class ActionPlanItemObject {
  @Field()
  itemId!: string;

  @Field(() => ActionItemKindEnum)
  kind!: ActionItemKind;

  @Field()
  description!: string;

  @Field(() => DateScalar)
  dueOn!: string;

  @Field(() => ItemStatusEnum)
  status!: ItemStatus;

  @Field(() => DateScalar, { nullable: true })
  doneOn!: string | null;

  @Field({ description: 'Done after its due date.' })
  late!: boolean;

  @Field(() => ProgressReportObject, { nullable: true, description: 'The latest report dated on or before asOf.' })
  lastReport!: ProgressReportObject | null;

  @Field(() => [ProgressReportObject], { description: 'Every report, in order, those dated after asOf included.' })
  reports!: ProgressReportObject[];
}

@ObjectType('ActionPlanMonitoring', { description: "A country's action plan on asOf: its items done, on track or overdue." })
export class ActionPlanMonitoringObject {
  @Field()
  country!: string;

  @Field()
  title!: string;

  @Field(() => [String])
  targetCountries!: string[];

  @Field(() => DateScalar)
  adoptedOn!: string;

  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => StatusCountsObject)
  counts!: StatusCounts;

  @Field(() => [ActionPlanItemObject])
  items!: ActionPlanItemObject[];
}

@ObjectType('RegionMonitoring', { description: 'Every member state\u2019s action plan on asOf, and the region\u2019s totals.' })
export class RegionMonitoringObject {
  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => StatusCountsObject)
  counts!: StatusCounts;

  @Field(() => [ActionPlanMonitoringObject])
  countries!: ActionPlanMonitoringObject[];
}

function toItem({ item, status, doneOn, late, lastReport }: MonitoredItem): ActionPlanItemObject {
  const { itemId, kind, description, dueOn, reports } = item;
  return { itemId, kind, description, dueOn, status, doneOn, late, lastReport, reports };
}

export function toActionPlanMonitoringObject(monitoring: PlanMonitoring): ActionPlanMonitoringObject {
  const { country, title, targetCountries, adoptedOn } = monitoring.plan;
  return { country, title, targetCountries, adoptedOn, asOf: monitoring.asOf, counts: monitoring.counts, items: monitoring.items.map(toItem) };
}

export function toRegionMonitoringObject(region: RegionMonitoring): RegionMonitoringObject {
  return { asOf: region.asOf, counts: region.counts, countries: region.countries.map(toActionPlanMonitoringObject) };
}
