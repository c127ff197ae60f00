import type { CalendarDate } from '../../shared/calendar-date';
import { requireDate, requireNotBackdated, requireText } from '../../shared/checks';
import { unreachable, type Decider } from '../../shared/decider';
import { RuleViolation } from '../../shared/rule-violation';
import { requireMemberState, requireOwnCountry } from '../asean';
import type { ActionPlanCommand, AddActionPlanItem, AdoptActionPlan, AmendActionPlanTargets, ReportActionPlanProgress } from './commands';
import { ACTION_ITEM_KINDS, PROGRESS_STATES, type ActionPlanEvent } from './events';

type Item = { done: boolean; lastReportedOn: CalendarDate | null };

export type ActionPlanState =
  | { status: 'None' }
  | { status: 'Adopted'; country: string; adoptedOn: CalendarDate; targets: string[]; targetsChangedOn: CalendarDate; items: Record<string, Item> };

const initialState = (): ActionPlanState => ({ status: 'None' });

function evolve(state: ActionPlanState, event: ActionPlanEvent): ActionPlanState {
  if (event.type === 'ActionPlanAdopted') {
    const { country, adoptedOn, targetCountries } = event.data;
    return { status: 'Adopted', country, adoptedOn, targets: targetCountries, targetsChangedOn: adoptedOn, items: {} };
  }
  if (state.status !== 'Adopted') return state;
  switch (event.type) {
    case 'ActionPlanTargetsAmended':
      return { ...state, targets: event.data.targetCountries, targetsChangedOn: event.data.amendedOn };
    case 'ActionPlanItemAdded':
      return { ...state, items: { ...state.items, [event.data.itemId]: { done: false, lastReportedOn: null } } };
    case 'ActionPlanProgressReported': {
      const item = { done: event.data.progress === 'DONE', lastReportedOn: event.data.reportedOn };
      return { ...state, items: { ...state.items, [event.data.itemId]: item } };
    }
    default:
      return unreachable(event);
  }
}

function countryOf(command: ActionPlanCommand): string {
  const country = requireMemberState(command.data.country, 'country');
  requireOwnCountry(command.actor, country);
  return country;
}

function adopted(state: ActionPlanState, country: string): Extract<ActionPlanState, { status: 'Adopted' }> {
  if (state.status !== 'Adopted') throw new RuleViolation('ACTION_PLAN_NOT_FOUND', `${country} has no action plan on record`, 'country');
  return state;
}

function requireTargets(targets: unknown, country: string): string[] {
  if (!Array.isArray(targets) || targets.length === 0) {
    throw new RuleViolation('TARGETS_EMPTY', 'an action plan names at least one target member state', 'targetCountries');
  }
  const codes = targets.map((target, index) => requireMemberState(target, `targetCountries.${index}`));
  if (codes.includes(country)) {
    throw new RuleViolation('TARGET_IS_OWN_COUNTRY', `${country} cannot target itself`, 'targetCountries');
  }
  const duplicate = codes.find((code, index) => codes.indexOf(code) !== index);
  if (duplicate !== undefined) throw new RuleViolation('DUPLICATE_TARGET', `${duplicate} is targeted twice`, 'targetCountries');
  return codes;
}

function adopt(command: AdoptActionPlan, state: ActionPlanState): ActionPlanEvent {
  const country = countryOf(command);
  const title = requireText(command.data.title, 'title');
  const adoptedOn = requireDate(command.data.adoptedOn, 'adoptedOn');
  if (state.status === 'Adopted') throw new RuleViolation('ACTION_PLAN_ALREADY_ADOPTED', `${country} already has an action plan`, 'country');
  const targetCountries = requireTargets(command.data.targetCountries, country);
  return { type: 'ActionPlanAdopted', data: { country, title, targetCountries, adoptedOn } };
}

function amendTargets(command: AmendActionPlanTargets, state: ActionPlanState): ActionPlanEvent {
  const country = countryOf(command);
  const amendedOn = requireDate(command.data.amendedOn, 'amendedOn');
  const reason = requireText(command.data.reason, 'reason');
  const plan = adopted(state, country);
  const targetCountries = requireTargets(command.data.targetCountries, country);
  requireNotBackdated(amendedOn, plan.targetsChangedOn, 'amendedOn');
  if ([...targetCountries].sort().join() === [...plan.targets].sort().join()) {
    throw new RuleViolation('TARGETS_UNCHANGED', `${country}'s plan already targets ${plan.targets.join(', ')}`, 'targetCountries');
  }
  return { type: 'ActionPlanTargetsAmended', data: { country, targetCountries, amendedOn, reason } };
}

function addItem(command: AddActionPlanItem, state: ActionPlanState): ActionPlanEvent {
  const country = countryOf(command);
  const { data } = command;
  const itemId = requireText(data.itemId, 'itemId');
  const description = requireText(data.description, 'description');
  const dueOn = requireDate(data.dueOn, 'dueOn');
  if (!ACTION_ITEM_KINDS.includes(data.kind)) {
    throw new RuleViolation('INVALID_ACTION_ITEM_KIND', `kind must be one of ${ACTION_ITEM_KINDS.join(', ')}`, 'kind');
  }
  const plan = adopted(state, country);
  if (Object.hasOwn(plan.items, itemId)) throw new RuleViolation('ACTION_ITEM_ID_TAKEN', `item ${itemId} is already in the plan`, 'itemId');
  if (dueOn < plan.adoptedOn) {
    throw new RuleViolation('DUE_BEFORE_ADOPTION', `dueOn ${dueOn} is before the plan's adoption on ${plan.adoptedOn}`, 'dueOn');
  }
  return { type: 'ActionPlanItemAdded', data: { country, itemId, kind: data.kind, description, dueOn } };
}

function report(command: ReportActionPlanProgress, state: ActionPlanState): ActionPlanEvent {
  const country = countryOf(command);
  const { data } = command;
  const itemId = requireText(data.itemId, 'itemId');
  const note = requireText(data.note, 'note');
  const reportedOn = requireDate(data.reportedOn, 'reportedOn');
  if (!PROGRESS_STATES.includes(data.progress)) {
    throw new RuleViolation('INVALID_PROGRESS', 'progress must be IN_PROGRESS or DONE', 'progress');
  }
  const plan = adopted(state, country);
  const item = plan.items[itemId];
  if (!Object.hasOwn(plan.items, itemId) || item === undefined) {
    throw new RuleViolation('ACTION_ITEM_NOT_FOUND', `item ${itemId} is not in ${country}'s action plan`, 'itemId');
  }
  if (item.done) throw new RuleViolation('ACTION_ITEM_ALREADY_DONE', `item ${itemId} was reported done`, 'itemId');
  requireNotBackdated(reportedOn, item.lastReportedOn ?? plan.adoptedOn, 'reportedOn');
  return { type: 'ActionPlanProgressReported', data: { country, itemId, progress: data.progress, note, reportedOn } };
}

function decide(command: ActionPlanCommand, state: ActionPlanState): ActionPlanEvent[] {
  switch (command.type) {
    case 'AdoptActionPlan':
      return [adopt(command, state)];
    case 'AmendActionPlanTargets':
      return [amendTargets(command, state)];
    case 'AddActionPlanItem':
      return [addItem(command, state)];
    case 'ReportActionPlanProgress':
      return [report(command, state)];
    default:
      return unreachable(command);
  }
}

export const actionPlanDecider: Decider<ActionPlanState, ActionPlanCommand, ActionPlanEvent> = { initialState, evolve, decide };
