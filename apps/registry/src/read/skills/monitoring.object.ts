import { Field, Int, ObjectType } from '@nestjs/graphql';
import {
  targetsAt,
  type ActionItemKind,
  type ItemStatus,
  type MonitoredItem,
  type PlanMonitoring,
  type ProgressState,
  type RegionMonitoring,
  type StatusCounts,
} from '@registry/domain';
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

@ObjectType('ActionPlanTargets', { description: 'The member states a plan targets from a date: adopted, then each amendment.' })
export class ActionPlanTargetsObject {
  @Field(() => [String])
  targetCountries!: string[];

  @Field(() => DateScalar)
  from!: string;

  @Field(() => String, { nullable: true, description: 'Why they were amended (amendments only).' })
  reason!: string | null;

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

  @Field(() => [String], { description: 'The member states targeted on asOf.' })
  targetCountries!: string[];

  @Field(() => [ActionPlanTargetsObject], { description: 'Every version of the targets, in the order recorded: the history.' })
  targetHistory!: ActionPlanTargetsObject[];

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
  const { country, title, targetHistory, adoptedOn } = monitoring.plan;
  const targetCountries = targetsAt(monitoring.plan, monitoring.asOf);
  return { country, title, targetCountries, targetHistory, adoptedOn, asOf: monitoring.asOf, counts: monitoring.counts, items: monitoring.items.map(toItem) };
}

export function toRegionMonitoringObject(region: RegionMonitoring): RegionMonitoringObject {
  return { asOf: region.asOf, counts: region.counts, countries: region.countries.map(toActionPlanMonitoringObject) };
}
