import type { FactSource } from './facts';
import type { RegistryEvent } from './registry-event';
import type { Actor, Role } from './shared/actor';
import type { Decider } from './shared/decider';
import { RuleViolation } from './shared/rule-violation';

type AnyCommand = { type: string; data: object; actor: Actor };

/** A command as the edge can state it: everything but the facts, which are read fresh on every attempt. */
export type WithoutFacts<Command> = Command extends { facts: unknown } ? Omit<Command, 'facts'> : Command;

/** What the registry knows of one command besides its rules: who may send it, and the facts it needs. */
export type CommandDeclaration<Command extends AnyCommand> = {
  /** The roles that may send it at all; ownership (a CB acts on its own records) is the decider's rule. */
  roles: readonly Role[];
} & (Command extends { facts: infer Facts }
  ? { facts: (command: WithoutFacts<Command>, source: FactSource) => Promise<Facts> }
  : { facts?: never });

/**
 * One aggregate, declared once: the stream its commands are decided on (and its events recorded in), its
 * decider, and every command's declaration. Streams, facts, permissions and the test worlds' stream names
 * are all derived from these (registry.ts); the compiler refuses a command without a declaration.
 */
export type AggregateDeclaration<Command extends AnyCommand, State, Event extends RegistryEvent> = {
  /** From the id fields a command and the events it records share. */
  stream: (data: Command['data'] | Event['data']) => string;
  decider: Decider<State, Command, Event>;
  isEvent: (event: RegistryEvent) => event is Event;
  commands: { [Type in Command['type']]: CommandDeclaration<Extract<Command, { type: Type }>> };
};

/** The aggregate as the registry runs it: its decider refuses a sender whose role is not declared, before any rule. */
export function declareAggregate<Command extends AnyCommand, State, Event extends RegistryEvent>(
  declaration: AggregateDeclaration<Command, State, Event>,
): AggregateDeclaration<Command, State, Event> {
  const { decider, commands } = declaration;
  const decide = (command: Command, state: State): Event[] => {
    assertRole(command, commands[command.type as Command['type']].roles);
    return decider.decide(command, state);
  };
  return { ...declaration, decider: { ...decider, decide } };
}

/** Throws FORBIDDEN unless the actor's role is among `roles`; a CB key must name its CB, a focal point's its country. */
export function assertRole(command: { type: string; actor: Actor }, roles: readonly Role[]): void {
  const { type, actor } = command;
  if (!roles.includes(actor.role)) throw new RuleViolation('ROLE_NOT_PERMITTED', `role ${actor.role} may not ${type}`);
  if (actor.role === 'CERTIFICATION_BODY' && !actor.cbId) {
    throw new RuleViolation('ACTOR_NOT_BOUND_TO_CB', 'a CERTIFICATION_BODY key must be bound to a certification body');
  }
  if (actor.role === 'SKILLS_FOCAL_POINT' && !actor.country) {
    throw new RuleViolation('ACTOR_NOT_BOUND_TO_COUNTRY', 'a SKILLS_FOCAL_POINT key must be bound to a country');
  }
}
