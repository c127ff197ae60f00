import type { CommandDeclaration, WithoutFacts } from './aggregate';
import { apiKeyAggregate } from './api-keys/declaration';
import { arrangementAggregate } from './arrangements/declaration';
import { certificateAggregate } from './certificates/declaration';
import { certificationBodyAggregate } from './certification-bodies/declaration';
import type { FactSource } from './facts';
import { recognitionDecisionAggregate } from './recognition-decisions/declaration';
import type { RegistryCommand, RegistryCommandType } from './registry-command';
import type { RegistryEvent } from './registry-event';
import { schemeAggregate } from './schemes/declaration';
import { foldState, type Decider } from './shared/decider';
import { witnessAggregate } from './witnesses/declaration';
import { watchAggregate } from './watches/declaration';
import { numberPrefixAggregate } from './number-prefixes/declaration';
import { actionPlanAggregate } from './skills/action-plans/declaration';
import { nationalFrameworkAggregate } from './skills/frameworks/declaration';
import { priorityOccupationAggregate } from './skills/priority-occupations/declaration';
import { nationalQualificationAggregate } from './skills/qualifications/declaration';
import { schemeLinkAggregate } from './skills/scheme-links/declaration';

/** Every aggregate of the registry, each declared once in its slice's declaration.ts. */
export const AGGREGATES = [
  schemeAggregate,
  certificationBodyAggregate,
  certificateAggregate,
  arrangementAggregate,
  recognitionDecisionAggregate,
  apiKeyAggregate,
  witnessAggregate,
  watchAggregate,
  numberPrefixAggregate,
  nationalFrameworkAggregate,
  nationalQualificationAggregate,
  schemeLinkAggregate,
  priorityOccupationAggregate,
  actionPlanAggregate,
] as const;

export type CommandOf<Type extends RegistryCommandType> = Extract<RegistryCommand, { type: Type }>;

/** Every command's declaration. Typed by command, so a command type without a declaration does not compile. */
export const COMMANDS: { [Type in RegistryCommandType]: CommandDeclaration<CommandOf<Type>> } = {
  ...schemeAggregate.commands,
  ...certificationBodyAggregate.commands,
  ...certificateAggregate.commands,
  ...arrangementAggregate.commands,
  ...recognitionDecisionAggregate.commands,
  ...apiKeyAggregate.commands,
  ...witnessAggregate.commands,
  ...watchAggregate.commands,
  ...numberPrefixAggregate.commands,
  ...nationalFrameworkAggregate.commands,
  ...nationalQualificationAggregate.commands,
  ...schemeLinkAggregate.commands,
  ...priorityOccupationAggregate.commands,
  ...actionPlanAggregate.commands,
};

export const COMMAND_TYPES = Object.keys(COMMANDS) as RegistryCommandType[];

/** A registry command before its facts are read. */
export type RegistryCommandDraft = WithoutFacts<RegistryCommand>;

/** An aggregate as dispatch sees it: the declarations are typed per aggregate, the lookups below by name. */
type Dispatched = {
  stream: (data: object) => string;
  decider: Decider<unknown, RegistryCommand, RegistryEvent>;
  isEvent: (event: RegistryEvent) => boolean;
};

const AGGREGATE_OF_COMMAND = new Map<string, Dispatched>(
  AGGREGATES.flatMap((aggregate) => Object.keys(aggregate.commands).map((type) => [type, aggregate as unknown as Dispatched] as const)),
);

function aggregateOf(type: RegistryCommandType): Dispatched {
  const aggregate = AGGREGATE_OF_COMMAND.get(type);
  if (aggregate === undefined) throw new Error(`no aggregate declares ${type}`);
  return aggregate;
}

/** The stream a command is decided on and appended to. */
export function commandStream(command: RegistryCommand | RegistryCommandDraft): string {
  return aggregateOf(command.type).stream(command.data);
}

/** The stream an event is recorded in, read off its data (the store knows the real one: for test worlds). */
export function eventStream(event: RegistryEvent): string {
  const aggregate = (AGGREGATES as readonly unknown[] as Dispatched[]).find((candidate) => candidate.isEvent(event));
  if (aggregate === undefined) throw new Error(`no aggregate records ${event.type}`);
  return aggregate.stream(event.data);
}

/** Completes a draft with the facts its declaration reads from `source` (other aggregates' streams). */
export async function withFacts(draft: RegistryCommandDraft, source: FactSource): Promise<RegistryCommand> {
  const { facts } = COMMANDS[draft.type] as { facts?: (command: RegistryCommandDraft, source: FactSource) => Promise<unknown> };
  return (facts === undefined ? draft : { ...draft, facts: await facts(draft, source) }) as RegistryCommand;
}

/**
 * Folds the command's stream (already upcast) with its aggregate's decider and decides: the sender's role
 * first, then the rules. Returns the events to append at the stream's current revision, or throws a RuleViolation.
 */
export function decideCommand(command: RegistryCommand, history: readonly RegistryEvent[]): RegistryEvent[] {
  const { decider, isEvent } = aggregateOf(command.type);
  return decider.decide(command, foldState(decider, history.filter(isEvent)));
}
