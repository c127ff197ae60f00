import {
  apiKeyStream,
  arrangementStream,
  certificateStream,
  certificationBodyStream,
  recognitionStream,
  schemaVersionOf,
  schemeStream,
  unreachable,
  type RegistryEvent,
} from '@registry/domain';
import type { AppendResult, EventStore } from '@registry/event-store';
import { randomUUID } from 'node:crypto';

/** The stream an event belongs to, read off its data, as the write side names it. */
export function streamOf(event: RegistryEvent): string {
  switch (event.type) {
    case 'SchemeRegistered':
      return schemeStream(event.data.code);
    case 'CertificationBodyAccredited':
    case 'AccreditationRenewed':
    case 'AccreditationScopeExtended':
    case 'AccreditationScopeReduced':
    case 'AccreditationSuspended':
    case 'AccreditationReinstated':
    case 'AccreditationWithdrawn':
      return certificationBodyStream(event.data.cbId);
    case 'CertificateIssued':
    case 'CertificateRenewed':
    case 'CertificateSuspended':
    case 'CertificateReinstated':
    case 'CertificateWithdrawn':
    case 'CertificateCancelled':
      return certificateStream(event.data.number);
    case 'MRASigned':
    case 'MRAPartyAdmitted':
    case 'MRAPartyWithdrawn':
    case 'MRAScopeAmended':
    case 'MRASuspended':
    case 'MRAReinstated':
    case 'MRATerminated':
      return arrangementStream(event.data.id);
    case 'RecognitionGranted':
    case 'RecognitionRevoked':
      return recognitionStream(event.data.certificateNumber, event.data.country);
    case 'ApiKeyCreated':
    case 'ApiKeyRevoked':
      return apiKeyStream(event.data.keyId);
    default:
      return unreachable(event);
  }
}

/**
 * Records domain events straight into a real store, one append each, with the metadata the write side puts
 * on them (schema version, actor, ids). Seeds read-side tests without going through the commands.
 */
export async function appendRegistryEvents(store: EventStore, events: readonly RegistryEvent[]): Promise<AppendResult[]> {
  const results: AppendResult[] = [];
  for (const event of events) {
    const commandId = randomUUID();
    results.push(
      await store.append(
        streamOf(event),
        [
          {
            id: randomUUID(),
            type: event.type,
            data: event.data,
            metadata: {
              schemaVersion: schemaVersionOf(event.type),
              commandId,
              correlationId: commandId,
              causationId: commandId,
              actor: { keyId: 'seed', role: 'ACCREDITATION_BODY' },
              recordedAt: new Date().toISOString(),
            },
          },
        ],
        { expectedRevision: 'any' },
      ),
    );
  }
  return results;
}
