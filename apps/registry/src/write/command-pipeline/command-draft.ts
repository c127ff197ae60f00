import type { RegistryCommandDraft, RegistryCommandType } from '@registry/domain';

/** A domain command as the edge can build it: input and actor, but not yet the facts the pipeline looks up in
 * other streams (they must be read fresh on every attempt, so the edge never supplies them). */
export type CommandDraft = RegistryCommandDraft;

export type DraftOf<Type extends RegistryCommandType> = Extract<CommandDraft, { type: Type }>;
