import { toEventRef, type Actor, type RegistryCommandType } from '@registry/domain';
import { ApplicationError } from '../../errors';
import type { CommandOutcome } from './command-outcome';
import type { CommandEnvelope } from './execute-registry-command';
import type { LoadedStream } from './stream-reader';

export function commandIdReused(commandId: string, what: string): ApplicationError {
  return new ApplicationError('CONFLICT', `commandId ${commandId} was already used by this key for ${what}; choose a new one for a new command`, {
    reason: 'COMMAND_ID_REUSED',
    commandId,
  });
}

/**
 * The outcome of an earlier handling of this command, found in the target stream's metadata; null when this key
 * never used the id there (another key's use of the same id is another command). The same key's id sent with
 * another command — another type, input or payload — is CONFLICT `COMMAND_ID_REUSED`, never a replay.
 */
export function priorOutcome(
  target: LoadedStream,
  envelope: Pick<CommandEnvelope, 'commandId' | 'commandHash'>,
  command: { type: RegistryCommandType; actor: Actor },
): CommandOutcome | null {
  const { commandId, commandHash } = envelope;
  const earlier = target.recorded.filter(
    (event) => event.metadata.commandId === commandId && (event.metadata.actor as { keyId?: unknown } | undefined)?.keyId === command.actor.keyId,
  );
  if (earlier.length === 0) return null;
  const { commandType, commandHash: recordedHash } = earlier[0].metadata;
  // Events recorded before the hash was kept can only be told apart by type.
  if (commandType !== command.type || (recordedHash !== undefined && recordedHash !== commandHash)) {
    throw commandIdReused(commandId, commandType === command.type ? `another ${command.type}` : String(commandType));
  }
  return {
    commandId,
    position: earlier[earlier.length - 1].position,
    events: earlier.map(toEventRef),
    replayed: true,
  };
}
