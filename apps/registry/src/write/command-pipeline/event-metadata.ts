import { schemaVersionOf, type Actor, type RegistryCommandType, type RegistryEventType } from '@registry/domain';
import type { JsonObject } from '@registry/event-store';
import type { CommandEnvelope } from './execute-registry-command';

/** The metadata every appended event carries. Business dates stay in the data; this is who, why and when. */
export type EventMetadata = {
  schemaVersion: number;
  commandId: string;
  commandType: RegistryCommandType;
  correlationId: string;
  /** What caused the event: the command, or for a process manager's command the event it acted on. */
  causationId: string;
  /** See commandHashOf; absent on events recorded before it was kept. */
  commandHash?: string;
  /** `country` only for a SKILLS_FOCAL_POINT key. */
  actor: { keyId: string; role: Actor['role']; cbId: string | null; country?: string };
  /** ISO 8601 instant, from the application's clock. */
  recordedAt: string;
};

export function eventMetadata(
  eventType: RegistryEventType,
  command: { type: RegistryCommandType; actor: Actor },
  envelope: CommandEnvelope,
  recordedAt: Date,
): EventMetadata & JsonObject {
  const { keyId, role, cbId, country } = command.actor;
  return {
    schemaVersion: schemaVersionOf(eventType),
    commandId: envelope.commandId,
    commandType: command.type,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId ?? envelope.commandId,
    commandHash: envelope.commandHash,
    actor: { keyId, role, cbId: cbId ?? null, ...(country ? { country } : {}) },
    recordedAt: recordedAt.toISOString(),
  };
}
