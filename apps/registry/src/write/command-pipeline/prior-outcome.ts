import { toEventRef, type RegistryCommandType } from '@registry/domain';
import { RegistryError } from '../../graphql/registry-error';
import type { CommandOutcome } from './command-outcome';
import type { LoadedStream } from './stream-reader';

/**
 * The outcome of an earlier handling of this command id, found in the target stream's metadata; null when the
 * id is new there. The same id sent for another kind of command is a client error, not a replay.
 */
export function priorOutcome(target: LoadedStream, commandId: string, commandType: RegistryCommandType): CommandOutcome | null {
  const earlier = target.recorded.filter((event) => event.metadata.commandId === commandId);
  if (earlier.length === 0) return null;
  const usedFor = earlier[0].metadata.commandType;
  if (usedFor !== commandType) {
    throw new RegistryError('CONFLICT', `commandId ${commandId} was already used for ${String(usedFor)}, not ${commandType}`, {
      commandId,
    });
  }
  return {
    commandId,
    position: earlier[earlier.length - 1].position,
    events: earlier.map(toEventRef),
    replayed: true,
  };
}
