import type { RegistryCommand, RegistryCommandType } from '@registry/domain';

type WithoutFacts<Command> = Command extends { facts: unknown } ? Omit<Command, 'facts'> : Command;

/** A domain command as the edge can build it: input and actor, but not yet the facts the pipeline looks up in
 * other streams (they must be read fresh on every attempt, so the edge never supplies them). */
export type CommandDraft = WithoutFacts<RegistryCommand>;

export type DraftOf<Type extends RegistryCommandType> = Extract<CommandDraft, { type: Type }>;
