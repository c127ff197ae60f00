import { schemaVersionOf, type Actor, type RegistryCommandType, type RegistryEvent, type RegistryEventType } from '@registry/domain';
import type { EventData, JsonObject } from '@registry/event-store';
import type { EventMetadata } from '../../apps/registry/src/write/command-pipeline/event-metadata';
import type { SeededRandom } from './seeded-random';

/** One domain event as the registry would have recorded it: its id, and the metadata the write side adds. */
export interface GeneratedEvent {
  id: string;
  event: RegistryEvent;
  metadata: EventMetadata & JsonObject;
}

/** Events for one stream, appended in one call (the stream must not exist yet). */
export interface GeneratedAppend {
  stream: string;
  events: GeneratedEvent[];
}

/**
 * The command each event type of the data set answers: the write side records it in `commandType`. The data set is
 * the recognition registry's (keys, witnesses and the skills context are not in it), so a new command's events
 * join it only when the data set is made to generate them.
 */
const COMMAND_OF = {
  SchemeRegistered: 'RegisterScheme',
  CertificationBodyAccredited: 'AccreditCertificationBody',
  AccreditationRenewed: 'RenewAccreditation',
  AccreditationScopeExtended: 'ExtendAccreditationScope',
  AccreditationScopeReduced: 'ReduceAccreditationScope',
  AccreditationSuspended: 'SuspendAccreditation',
  AccreditationReinstated: 'ReinstateAccreditation',
  AccreditationWithdrawn: 'WithdrawAccreditation',
  CertificateIssued: 'IssueCertificate',
  CertificateCorrected: 'CorrectCertificate',
  CertificateRenewed: 'RenewCertificate',
  CertificateSuspended: 'SuspendCertificate',
  CertificateReinstated: 'ReinstateCertificate',
  CertificateWithdrawn: 'WithdrawCertificate',
  CertificateCancelled: 'CancelCertificate',
  MRASigned: 'SignArrangement',
  MRAPartyAdmitted: 'AdmitArrangementParty',
  MRAPartyWithdrawn: 'WithdrawArrangementParty',
  MRAScopeAmended: 'AmendArrangementScope',
  MRASuspended: 'SuspendArrangement',
  MRAReinstated: 'ReinstateArrangement',
  MRATerminated: 'TerminateArrangement',
  RecognitionGranted: 'GrantRecognition',
  RecognitionRevoked: 'RevokeRecognition',
} as const satisfies Partial<Record<RegistryEventType, RegistryCommandType>>;

type GeneratedEventType = keyof typeof COMMAND_OF;

export const ACCREDITATION_BODY_ACTOR: Actor = { role: 'ACCREDITATION_BODY', keyId: 'key-apo-ab-secretariat' };

export function certificationBodyActor(cbId: string): Actor {
  return { role: 'CERTIFICATION_BODY', keyId: `key-${cbId}`, cbId };
}

/**
 * Wraps an event the way the command pipeline does: one command per event here, so the command id is
 * also the correlation and causation id. `recordedAt` is the business date's morning, so that the data
 * set is the same on every run.
 */
export function recorded(random: SeededRandom, event: RegistryEvent & { type: GeneratedEventType }, actor: Actor, businessDate: string): GeneratedEvent {
  const commandId = random.uuid();
  const minute = random.int(0, 599);
  const hh = String(8 + Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return {
    id: random.uuid(),
    event,
    metadata: {
      schemaVersion: schemaVersionOf(event.type),
      commandId,
      commandType: COMMAND_OF[event.type],
      correlationId: commandId,
      causationId: commandId,
      actor: { keyId: actor.keyId, role: actor.role, cbId: actor.cbId ?? null },
      recordedAt: `${businessDate}T${hh}:${mm}:00.000Z`,
    },
  };
}

export function toEventData(generated: GeneratedEvent): EventData {
  return { id: generated.id, type: generated.event.type, data: generated.event.data, metadata: generated.metadata };
}
